package kotone.interpreter.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import kotone.common.client.DependencyDown;
import kotone.common.client.Outage;
import kotone.common.client.UpstreamRefused;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads of the model registry under their fault-tolerance policies: all are reads, so all are retried. A version that
 * does not exist is empty; an outage becomes {@link DependencyDown} naming the dataset service, and the interpreter keeps
 * serving what it has. Values: {@code quarkus.fault-tolerance."kotone.interpreter.model.RegistryCalls".*}.
 */
@ApplicationScoped
@Timeout(10_000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, successThreshold = 1, skipOn = UpstreamRefused.class)
public class RegistryCalls {

    static final String DEPENDENCY = "dataset";

    private final RegistryApi api;

    public RegistryCalls(@RestClient RegistryApi api) {
        this.api = api;
    }

    /** The promoted version's entry; empty before any promotion. */
    @Fallback(fallbackMethod = "promotedDown", skipOn = UpstreamRefused.class)
    public Optional<RegistryApi.ModelEntry> promoted() {
        return notFoundIsEmpty(() -> api.promoted());
    }

    Optional<RegistryApi.ModelEntry> promotedDown(Throwable cause) {
        throw new DependencyDown(Outage.of(DEPENDENCY, cause));
    }

    /** A registered version's entry; empty when there is none. */
    @Fallback(fallbackMethod = "modelDown", skipOn = UpstreamRefused.class)
    public Optional<RegistryApi.ModelEntry> model(int version) {
        return notFoundIsEmpty(() -> api.model(version));
    }

    Optional<RegistryApi.ModelEntry> modelDown(int version, Throwable cause) {
        throw new DependencyDown(Outage.of(DEPENDENCY, cause));
    }

    @Fallback(fallbackMethod = "weightsDown", skipOn = UpstreamRefused.class)
    public byte[] weights(int version) {
        return api.weights(version);
    }

    byte[] weightsDown(int version, Throwable cause) {
        throw new DependencyDown(Outage.of(DEPENDENCY, cause));
    }

    /** The candidate shadowed on live traffic; empty when there is none. */
    @Fallback(fallbackMethod = "shadowDown", skipOn = UpstreamRefused.class)
    public Optional<Integer> shadow() {
        try {
            return Optional.ofNullable(api.shadow().version());
        } catch (UpstreamRefused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    Optional<Integer> shadowDown(Throwable cause) {
        throw new DependencyDown(Outage.of(DEPENDENCY, cause));
    }

    private static Optional<RegistryApi.ModelEntry> notFoundIsEmpty(java.util.function.Supplier<RegistryApi.ModelEntry> read) {
        try {
            return Optional.of(read.get());
        } catch (UpstreamRefused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }
}
