package kotone.eval.gate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import kotone.common.tracing.Traceparent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/eval/gate-checks")
@Produces(MediaType.APPLICATION_JSON)
public class GateCheckResource {

    private final GateChecks checks;

    public GateCheckResource(GateChecks checks) {
        this.checks = checks;
    }

    public record GateCheckPage(List<GateCheckView> items, int limit, int offset) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Judge a registered model version against the champion on a target eval set and every guard (202; the check "
            + "runs in the background). A promotion rests on a passed check.")
    @APIResponse(responseCode = "202", description = "started; Location names the check", content = @Content(schema = @Schema(implementation = GateCheckView.class)))
    public Response start(@Valid @NotNull StartGateCheckRequest request, @HeaderParam(Caller.HEADER) String caller) {
        String traceparent = Traceparent.current();
        GateCheckView check = checks.start(request, Caller.of(caller), traceparent);
        return Response.accepted(check).location(URI.create("/eval/gate-checks/" + check.id())).build();
    }

    @GET
    @Operation(summary = "Gate checks, newest first; candidateVersion filters")
    public GateCheckPage list(@QueryParam("candidateVersion") @Positive Integer candidateVersion,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit, @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new GateCheckPage(checks.page(candidateVersion, limit, offset), limit, offset);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A gate check: its status and, once made, the decision with the target and every guard")
    public GateCheckView get(@PathParam("id") String id) {
        try {
            return checks.find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no gate check " + id);
        }
    }
}
