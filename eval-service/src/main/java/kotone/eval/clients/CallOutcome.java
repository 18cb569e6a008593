package kotone.eval.clients;

import java.util.function.Supplier;
import kotone.common.client.Outage;
import kotone.common.client.UpstreamRefused;

/**
 * How a call to another service ended: an answer, a refusal (a 4xx: about the request, so the service is up), or an
 * outage (the service could not be used). Callers decide what each means for their work; an outage is never a
 * model's failure.
 */
public sealed interface CallOutcome<T> {

    record Answered<T>(T value) implements CallOutcome<T> {
    }

    record Refused<T>(int status, String detail) implements CallOutcome<T> {
    }

    record Down<T>(Outage outage) implements CallOutcome<T> {
    }

    /** Makes a call: its answer, or its refusal (a 4xx). Anything else is left to the caller's fault-tolerance policy. */
    static <T> CallOutcome<T> ask(Supplier<T> call) {
        try {
            return new Answered<>(call.get());
        } catch (UpstreamRefused refused) {
            return new Refused<>(refused.status(), refused.getMessage());
        }
    }
}
