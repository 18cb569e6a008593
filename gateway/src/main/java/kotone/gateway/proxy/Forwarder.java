package kotone.gateway.proxy;

import io.opentelemetry.api.trace.Span;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.List;
import kotone.common.problem.Problem;
import kotone.gateway.routing.Route;
import kotone.gateway.routing.Upstream;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends a routed request to its upstream and relays the answer; an upstream that cannot answer becomes a
 * 503 (or 504 on timeout) problem that names it.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    static final String PUBLIC_PREFIX = "/api/v1";
    private static final List<String> RELAYED_HEADERS = List.of("Retry-After", "Content-Disposition", "Cache-Control",
            "ETag", "Link", "X-Total-Count");

    private final UpstreamCalls calls;
    private final UpstreamClients clients;

    public Forwarder(UpstreamCalls calls, UpstreamClients clients) {
        this.calls = calls;
        this.clients = clients;
    }

    /** {@code path} is relative to {@code /api/v1/}; {@code query} is the raw query string or null. */
    public Uni<Response> forward(Route route, String method, String path, String query, HttpHeaders headers,
            byte[] body) {
        Upstream upstream = route.upstream();
        Span.current().setAttribute("kotone.upstream", upstream.serviceName());
        ForwardedRequest request = new ForwardedRequest(method, clients.url(upstream, path, query),
                headers.getHeaderString(HttpHeaders.ACCEPT), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        Uni<Response> answer = switch (upstream) {
            case INTERPRETER -> calls.interpreter(request);
            case SCORING -> calls.scoring(request);
            case EVAL -> calls.eval(request);
            case DATASET -> calls.dataset(request);
        };
        return answer.map(this::relay).onFailure().recoverWithItem(failure -> unavailable(upstream, path, failure));
    }

    private Response relay(Response upstream) {
        byte[] entity = upstream.hasEntity() ? upstream.readEntity(byte[].class) : null;
        Response.ResponseBuilder answer = Response.status(upstream.getStatus()).entity(entity);
        String contentType = upstream.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            answer.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        String location = upstream.getHeaderString(HttpHeaders.LOCATION);
        if (location != null) {
            answer.header(HttpHeaders.LOCATION, publicLocation(location));
        }
        for (String header : RELAYED_HEADERS) {
            String value = upstream.getHeaderString(header);
            if (value != null) {
                answer.header(header, value);
            }
        }
        return answer.build();
    }

    /** An upstream's {@code Location: http://eval:8083/eval/runs/7} becomes {@code /api/v1/eval/runs/7}. */
    static String publicLocation(String location) {
        String path = location.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+", "");
        return PUBLIC_PREFIX + (path.startsWith("/") ? path : "/" + path);
    }

    private Response unavailable(Upstream upstream, String path, Throwable failure) {
        String service = upstream.serviceName();
        Problem problem;
        if (failure instanceof TimeoutException) {
            problem = Problem.of(504, "Gateway Timeout", service + " did not answer in time");
        } else if (failure instanceof CircuitBreakerOpenException) {
            problem = Problem.of(503, "Service Unavailable",
                    service + " is unavailable: it failed repeatedly, so calls are paused (circuit open)");
        } else {
            Throwable cause = rootCause(failure);
            problem = Problem.of(503, "Service Unavailable", service + " is unavailable"
                    + (cause instanceof ConnectException ? ": connection refused" : ""));
            LOG.warnf("%s failed for %s: %s", service, path, cause.toString());
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(PUBLIC_PREFIX + "/" + path))
                .build();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
