package kotone.interpreter.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends captured records under a named policy: a timeout and a circuit breaker, and no retry, since a batch that did not
 * arrive is dropped and counted rather than held (records are a sample, and a player never waits for them). Values:
 * {@code quarkus.fault-tolerance."kotone.interpreter.traffic.TrafficCalls".*}.
 */
@ApplicationScoped
public class TrafficCalls {

    private final TrafficApi api;

    public TrafficCalls(@RestClient TrafficApi api) {
        this.api = api;
    }

    @Timeout(5_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    public CaptureReceipt store(CaptureBatch batch) {
        return api.store(batch);
    }
}
