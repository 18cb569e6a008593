package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import java.util.List;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kotone.common.client.UpstreamStatus;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The scoring service's REST contract, as eval uses it ({@code quarkus.rest-client.scoring.*}). */
@RegisterRestClient(configKey = "scoring")
@RegisterProvider(UpstreamStatus.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ScoringApi {

    @POST
    @Path("/score")
    Score score(ScoreCall call);

    @POST
    @Path("/score/batch")
    Scores scoreAll(ScoreBatchCall call);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Score(Integer total, String rank) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scores(List<Score> results) {
    }
}
