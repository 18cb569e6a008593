package kotone.interpreter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kotone.interpreter.modes.ModeAvailability;
import kotone.interpreter.rest.dto.InterpretBatchRequest;
import kotone.interpreter.rest.dto.InterpretBatchResponse;
import kotone.interpreter.rest.dto.InterpretRequest;
import kotone.interpreter.rest.dto.InterpretResponse;
import kotone.interpreter.traffic.CaptureConsent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/interpret")
public class InterpretResource {

    private final InterpretService service;
    private final BatchInterpreter batch;
    private final ModeAvailability modes;

    public InterpretResource(InterpretService service, BatchInterpreter batch, ModeAvailability modes) {
        this.service = service;
        this.batch = batch;
        this.modes = modes;
    }

    @GET
    @Path("/modes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each mode and eval mode this interpreter can serve now, or why not")
    public ModeAvailability.Modes modes() {
        return modes.now();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn a customer's request into hidden parameters, a target profile and recommended parts")
    public InterpretResponse interpret(@Valid @NotNull InterpretRequest request,
            @Parameter(description = "off: serve this request but never record it as live traffic")
            @HeaderParam(CaptureConsent.HEADER) String capture) throws InterruptedException {
        return service.interpret(request, CaptureConsent.allows(capture));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read up to 500 requests in rule or local mode in one call, each in the trace its traceparent names; "
            + "an item that a single call would refuse gets its problem in its place")
    public InterpretBatchResponse interpretAll(@Valid @NotNull InterpretBatchRequest request) throws InterruptedException {
        return batch.interpretAll(request);
    }
}
