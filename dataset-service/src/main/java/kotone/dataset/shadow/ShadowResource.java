package kotone.dataset.shadow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/models/shadow")
@Produces(MediaType.APPLICATION_JSON)
public class ShadowResource {

    private final ShadowCandidates shadow;

    public ShadowResource(ShadowCandidates shadow) {
        this.shadow = shadow;
    }

    @GET
    @Operation(summary = "The candidate the interpreter reads live requests with in the background (404 when none)")
    public ShadowSlot current() {
        return shadow.current().orElseThrow(() -> ProblemException.notFound("no candidate is shadowed"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Shadow a registered candidate on live traffic (replacing any other): its readings are stored beside the "
            + "champion's, for the gate's live evidence")
    public ShadowSlot set(@Valid @NotNull ShadowRequest request, @HeaderParam(Caller.HEADER) String caller) {
        return shadow.set(request.version(), Caller.of(caller));
    }

    @DELETE
    @Operation(summary = "Stop shadowing")
    @APIResponse(responseCode = "204", description = "no candidate is shadowed now")
    public Response clear() {
        shadow.clear();
        return Response.noContent().build();
    }
}
