package kotone.eval.clients;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.common.client.Outage;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the interpreter under their fault-tolerance policies. Interpreting has no side effects, so transport
 * failures and 5xx answers are retried; a refusal (4xx) is an answer about the request and never counts against the
 * interpreter. Every value is in configuration: {@code quarkus.fault-tolerance."kotone.eval.clients.InterpreterCalls/interpret".*}.
 */
@ApplicationScoped
public class InterpreterCalls {

    static final String DEPENDENCY = "interpreter";

    private final InterpreterApi api;

    public InterpreterCalls(@RestClient InterpreterApi api) {
        this.api = api;
    }

    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2)
    @Fallback(fallbackMethod = "interpretDown")
    public CallOutcome<InterpretAnswer> interpret(InterpretCall call) {
        return CallOutcome.ask(() -> api.interpret(call));
    }

    CallOutcome<InterpretAnswer> interpretDown(InterpretCall call, Throwable cause) {
        return new CallOutcome.Down<>(Outage.of(DEPENDENCY, cause));
    }

    /** A batch of readings under the same kind of policy as one; a refusal of the whole batch is a 4xx about the batch. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 2)
    @Fallback(fallbackMethod = "interpretAllDown")
    public CallOutcome<InterpretBatchAnswer> interpretAll(InterpretBatchCall call) {
        return CallOutcome.ask(() -> api.interpretAll(call));
    }

    CallOutcome<InterpretBatchAnswer> interpretAllDown(InterpretBatchCall call, Throwable cause) {
        return new CallOutcome.Down<>(Outage.of(DEPENDENCY, cause));
    }

    /** Asks the interpreter to load the promoted model now; it polls anyway, so an outage here only delays it. */
    @Timeout(30_000)
    @Fallback(fallbackMethod = "reloadDown")
    public CallOutcome<InterpreterApi.ServedModel> reload() {
        return CallOutcome.ask(() -> api.reload());
    }

    CallOutcome<InterpreterApi.ServedModel> reloadDown(Throwable cause) {
        return new CallOutcome.Down<>(Outage.of(DEPENDENCY, cause));
    }
}
