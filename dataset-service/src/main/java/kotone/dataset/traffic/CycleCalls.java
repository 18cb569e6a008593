package kotone.dataset.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Starts a cycle under a named policy: a timeout and no retry (a start that may have arrived is not sent twice; the next
 * drifted check tries again). Values: {@code quarkus.fault-tolerance."kotone.dataset.traffic.CycleCalls".*}.
 */
@ApplicationScoped
public class CycleCalls {

    private final EvalApi eval;

    public CycleCalls(@RestClient EvalApi eval) {
        this.eval = eval;
    }

    @Timeout(10_000)
    public EvalApi.CycleStarted start(String evalSetId) {
        return eval.start(new EvalApi.StartCycleCall(evalSetId));
    }
}
