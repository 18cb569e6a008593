package kotone.dataset.traffic;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kotone.common.http.Caller;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The eval service's cycles, as drift starts one ({@code quarkus.rest-client.eval.*}). */
@RegisterRestClient(configKey = "eval")
@Path("/eval/cycles")
public interface EvalApi {

    /** @param datasetId the eval set the cycle is judged on */
    record StartCycleCall(String datasetId) {
    }

    /** @param n the cycle's number, {@code GET /eval/cycles/{n}} */
    record CycleStarted(int n, String status) {
    }

    /** The cycle's history names the drift monitor as the one who started it. */
    @POST
    @ClientHeaderParam(name = Caller.HEADER, value = "system:drift-monitor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CycleStarted start(StartCycleCall call);
}
