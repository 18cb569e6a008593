package kotone.gateway.proxy;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import kotone.gateway.routing.Upstream;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One guarded call per upstream, so each has its own timeout and circuit breaker: a dead eval service must
 * not stop scoring. Timeouts are set per upstream in configuration
 * ({@code quarkus.fault-tolerance."kotone.gateway.proxy.UpstreamCalls/<upstream>".timeout.value}).
 * Only failures to get an answer count against a breaker; an answer with an error status is passed on.
 */
@ApplicationScoped
public class UpstreamCalls {

    private final UpstreamClients clients;

    public UpstreamCalls(UpstreamClients clients) {
        this.clients = clients;
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @CircuitBreakerName("interpreter")
    public Uni<Response> interpreter(ForwardedRequest request) {
        return send(clients.get(Upstream.INTERPRETER), request);
    }

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @CircuitBreakerName("scoring")
    public Uni<Response> scoring(ForwardedRequest request) {
        return send(clients.get(Upstream.SCORING), request);
    }

    @Timeout(10000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @CircuitBreakerName("eval")
    public Uni<Response> eval(ForwardedRequest request) {
        return send(clients.get(Upstream.EVAL), request);
    }

    @Timeout(120000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @CircuitBreakerName("dataset")
    public Uni<Response> dataset(ForwardedRequest request) {
        return send(clients.get(Upstream.DATASET), request);
    }

    private static Uni<Response> send(UpstreamApi api, ForwardedRequest r) {
        return switch (r.method()) {
            case "GET" -> api.get(r.url(), r.accept(), r.acceptLanguage());
            case "POST" -> api.post(r.url(), r.accept(), r.acceptLanguage(), r.contentType(), r.body());
            case "PUT" -> api.put(r.url(), r.accept(), r.acceptLanguage(), r.contentType(), r.body());
            case "DELETE" -> api.delete(r.url(), r.accept(), r.acceptLanguage());
            default -> throw new IllegalArgumentException("method " + r.method() + " is not routed");
        };
    }
}
