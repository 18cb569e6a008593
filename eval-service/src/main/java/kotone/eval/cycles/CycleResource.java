package kotone.eval.cycles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/eval/cycles")
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    private final CycleRunner runner;
    private final CycleRepository cycles;

    public CycleResource(CycleRunner runner, CycleRepository cycles) {
        this.runner = runner;
        this.cycles = cycles;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an improvement cycle on an eval set (202); 409 while another runs")
    @APIResponse(responseCode = "202", description = "started; Location names the cycle", content = @Content(schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "409", description = "another cycle runs", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = kotone.common.problem.Problem.class)))
    public Response start(@Valid @NotNull StartCycleRequest request, @HeaderParam(Caller.HEADER) String caller) {
        CycleView cycle = runner.start(request, Caller.of(caller));
        return Response.accepted(cycle).location(java.net.URI.create("/eval/cycles/" + cycle.n())).build();
    }

    /** Cycles newest first (without their steps), and the loop completion rate. */
    public record CyclePage(List<CycleView> items, LoopCompletion completion, int limit, int offset) {
    }

    @GET
    @Operation(summary = "Cycles newest first, without their steps, and the loop completion rate")
    public CyclePage list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new CyclePage(cycles.page(limit, offset), cycles.completion(), limit, offset);
    }

    @GET
    @Path("/{n}")
    @Operation(summary = "A cycle with each step's inputs, outputs and time, and the gate's decision with its reasons")
    public CycleView get(@PathParam("n") String n) {
        try {
            return cycles.view(Integer.parseInt(n)).orElseThrow(() -> ProblemException.notFound("no cycle " + n));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no cycle " + n);
        }
    }
}
