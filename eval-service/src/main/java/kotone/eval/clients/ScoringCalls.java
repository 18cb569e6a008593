package kotone.eval.clients;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.common.client.Outage;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the scoring service under their fault-tolerance policies (scoring has no side effects: retried).
 * {@code quarkus.fault-tolerance."kotone.eval.clients.ScoringCalls/score".*} holds every value.
 */
@ApplicationScoped
public class ScoringCalls {

    static final String DEPENDENCY = "scoring";

    private final ScoringApi api;

    public ScoringCalls(@RestClient ScoringApi api) {
        this.api = api;
    }

    @Timeout(5_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2)
    @Fallback(fallbackMethod = "scoreDown")
    public CallOutcome<ScoringApi.Score> score(ScoreCall call) {
        return CallOutcome.ask(() -> api.score(call));
    }

    CallOutcome<ScoringApi.Score> scoreDown(ScoreCall call, Throwable cause) {
        return new CallOutcome.Down<>(Outage.of(DEPENDENCY, cause));
    }

    /** Many scores in one call; the scoring service refuses the whole batch (422) if any selection is invalid. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2)
    @Fallback(fallbackMethod = "scoreAllDown")
    public CallOutcome<ScoringApi.Scores> scoreAll(ScoreBatchCall call) {
        return CallOutcome.ask(() -> api.scoreAll(call));
    }

    CallOutcome<ScoringApi.Scores> scoreAllDown(ScoreBatchCall call, Throwable cause) {
        return new CallOutcome.Down<>(Outage.of(DEPENDENCY, cause));
    }
}
