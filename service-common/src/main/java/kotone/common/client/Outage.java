package kotone.common.client;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import kotone.common.problem.Causes;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Another service could not be used at all: unreachable, too slow, failing with 5xx, or its circuit breaker open. An
 * outage is infrastructure, never a model's failure: whoever sees one waits or stops and names the dependency.
 *
 * @param dependency the service, as its configuration names it ("interpreter", "scoring", "dataset")
 * @param reason what happened, in words
 */
public record Outage(String dependency, String reason) {

    /** The outage a failed call shows, with the first cause that says what went wrong. */
    public static Outage of(String dependency, Throwable failure) {
        return new Outage(dependency, describe(failure));
    }

    public String message() {
        return "the " + dependency + " service is unavailable: " + reason;
    }

    static String describe(Throwable failure) {
        if (Causes.any(failure, CircuitBreakerOpenException.class::isInstance)) {
            return "its circuit breaker is open after repeated failures";
        }
        if (Causes.any(failure, TimeoutException.class::isInstance) || Causes.any(failure, HttpTimeoutException.class::isInstance)
                || Causes.any(failure, java.util.concurrent.TimeoutException.class::isInstance)) {
            return "it did not answer in time";
        }
        if (Causes.any(failure, BulkheadException.class::isInstance)) {
            return "too many calls to it are in flight";
        }
        if (Causes.any(failure, ConnectException.class::isInstance)) {
            return "the connection was refused";
        }
        Throwable described = Causes.find(failure, cause -> cause instanceof UpstreamFailed).orElse(Causes.root(failure));
        String message = described.getMessage();
        return described.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
