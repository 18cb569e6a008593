package kotone.dataset.shadow;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/traffic/shadow")
@Produces(MediaType.APPLICATION_JSON)
public class LiveEvidenceResource {

    private final LiveEvidence evidence;

    public LiveEvidenceResource(LiveEvidence evidence) {
        this.evidence = evidence;
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "A shadowed candidate on live requests beside what was served: the difference per dimension, the expectations "
            + "met where the rules fire clearly (with a paired interval), and the latencies")
    public LiveEvidenceView of(@PathParam("version") String version) {
        try {
            int parsed = Integer.parseInt(version.startsWith("v") ? version.substring(1) : version);
            if (parsed > 0) {
                return evidence.of(parsed);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("version", "must be a model version (a positive integer, or v and one)");
    }
}
