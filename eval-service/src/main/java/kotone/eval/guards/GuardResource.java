package kotone.eval.guards;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import kotone.common.http.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/eval/guards")
@Produces(MediaType.APPLICATION_JSON)
public class GuardResource {

    private final GuardService service;

    public GuardResource(GuardService service) {
        this.service = service;
    }

    /** The guards, the oldest first. */
    public record Guards(List<GuardView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an eval set as a guard: every promotion must be non-inferior on it (201; 200 when it already is one)")
    @APIResponse(responseCode = "201", description = "now a guard", content = @Content(schema = @Schema(implementation = GuardView.class)))
    @APIResponse(responseCode = "200", description = "it already was one", content = @Content(schema = @Schema(implementation = GuardView.class)))
    public Response register(@Valid @NotNull RegisterGuardRequest request, @HeaderParam(Caller.HEADER) String caller) {
        GuardService.Registered registered = service.register(request, Caller.of(caller));
        return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK).entity(registered.guard())
                .location(URI.create("/eval/guards/" + registered.guard().datasetId())).build();
    }

    @GET
    @Operation(summary = "The eval sets every promotion is judged on besides its target")
    public Guards list() {
        return new Guards(service.list());
    }

    @DELETE
    @Path("/{datasetId}")
    @Operation(summary = "Stop guarding promotions with this eval set (the set itself stays)")
    @APIResponse(responseCode = "204", description = "no longer a guard")
    public Response remove(@PathParam("datasetId") String datasetId) {
        service.remove(datasetId);
        return Response.noContent().build();
    }
}
