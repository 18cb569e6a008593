package kotone.gateway.http;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kotone.common.http.Caller;
import kotone.common.problem.Problem;
import kotone.gateway.auth.ApiKeyRegistry;
import kotone.gateway.audit.AuditEntry;
import kotone.gateway.audit.AuditLog;
import kotone.gateway.audit.AuditPage;
import kotone.gateway.auth.Role;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.limits.RateLimiter;
import kotone.gateway.limits.Verdict;
import kotone.gateway.proxy.UpstreamProxies;
import kotone.gateway.proxy.UpstreamProxy;
import kotone.gateway.routing.Route;
import kotone.gateway.routing.RouteTable;

/**
 * Everything under {@code /api/v1/}: the key's role against the route's, then the route's upstream. It runs
 * on the event loop and hands the request to a reverse proxy before reading its body, so bodies stream.
 */
@ApplicationScoped
public class GatewayRoute {

    /** {@code GET /api/v1/whoami}: the role and key id of the key presented, answered by the gateway. */
    static final String WHO_AM_I = "whoami";

    private final ApiKeyRegistry keys;
    private final RouteTable routes;
    private final UpstreamProxies proxies;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final AuditPage auditPage;
    private final Duration bodyTimeout;

    public GatewayRoute(ApiKeyRegistry keys, RouteTable routes, UpstreamProxies proxies, RateLimiter limiter, AuditLog audit, AuditPage auditPage,
            GatewayConfig config) {
        this.keys = keys;
        this.routes = routes;
        this.proxies = proxies;
        this.limiter = limiter;
        this.audit = audit;
        this.auditPage = auditPage;
        this.bodyTimeout = config.bodyTimeout();
    }

    void install(@Observes Router router) {
        router.route(UpstreamProxy.PUBLIC_PREFIX + "/*").handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String publicPath = request.path();
        String path = withoutLeadingSlashes(publicPath.substring(UpstreamProxy.PUBLIC_PREFIX.length()));
        String method = request.method().name();
        Optional<ApiKeyRegistry.KeyHolder> holder = keys.holderOf(request.getHeader(ProblemWriter.API_KEY_HEADER));
        if (limiter.enabled() && !withinRateLimit(context, holder.orElse(null))) {
            return;
        }
        if (holder.isEmpty()) {
            reject(context, Problem.of(401, "Unauthorized", "a valid API key is required in the "
                    + ProblemWriter.API_KEY_HEADER + " header"));
            return;
        }
        if (WHO_AM_I.equals(path)) {
            // the dashboard asks which views to offer; any valid key may know its own role
            context.response().putHeader("Content-Type", "application/json")
                    .end("{\"role\":\"" + holder.get().role().key() + "\",\"keyId\":\"" + holder.get().keyId() + "\"}");
            return;
        }
        if (AuditPage.PATH.equals(path)) {
            auditPage.serve(context, holder.get());
            return;
        }
        Optional<Route> route = routes.match(method, path);
        if (route.isEmpty()) {
            reject(context, routes.knowsPath(path)
                    ? Problem.of(405, "Method Not Allowed", method + " is not allowed on " + publicPath)
                    : Problem.of(404, "Not Found", "no route for " + publicPath));
            return;
        }
        Role role = holder.get().role();
        if (route.get().role() == Role.ADMIN) {
            auditWhenAnswered(context, holder.get(), method, publicPath);
        }
        if (!role.includes(route.get().role())) {
            reject(context, Problem.of(403, "Forbidden", method + " " + publicPath + " needs the "
                    + route.get().role().key() + " role; this key has " + role.key()));
            return;
        }
        cutOffASlowBody(context);
        // the services behind learn who asked (for the alias history and audit), never from the client itself
        request.headers().set(Caller.HEADER, holder.get().caller());
        proxies.get(route.get().upstream()).handle(request);
    }

    /** A body not all there within the body timeout is cut off: 408 if nothing was answered yet, and the connection closed. */
    private void cutOffASlowBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            return;
        }
        long timer = context.vertx().setTimer(bodyTimeout.toMillis(), ignored -> {
            if (request.isEnded()) {
                return;
            }
            if (!context.response().headWritten()) {
                context.response().putHeader("Connection", "close");
                ProblemWriter.write(context.response(), Problem.of(408, "Request Timeout", "the body did not arrive within "
                        + bodyTimeout.toSeconds() + " s of the headers").at(request.path()));
            }
            if (request.version() == HttpVersion.HTTP_2) {
                context.response().reset(); // this stream only: the connection carries others
            } else {
                request.connection().close();
            }
        });
        context.addEndHandler(ignored -> context.vertx().cancelTimer(timer));
    }

    /** An admin operation, allowed or not, is written to the audit log once its answer has gone. */
    private void auditWhenAnswered(RoutingContext context, ApiKeyRegistry.KeyHolder holder, String method, String path) {
        long started = System.nanoTime();
        String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null;
        String stored = path.length() > 512 ? path.substring(0, 512) + "…" : path;
        context.addEndHandler(ignored -> audit.record(new AuditEntry(Instant.now(), holder.keyId(), holder.role().key(), method, stored,
                context.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000, traceId)));
    }

    /** Says the limit on every answer; refuses with 429 and Retry-After a caller over it. */
    private boolean withinRateLimit(RoutingContext context, ApiKeyRegistry.KeyHolder holder) {
        RateLimiter.Decision decision = limiter.check(holder, context.request().remoteAddress().hostAddress());
        Verdict verdict = decision.verdict();
        context.response().putHeader("RateLimit-Policy", "\"" + decision.policy() + "\";q=" + verdict.quota() + ";w=" + verdict.windowSeconds())
                .putHeader("RateLimit", "\"" + decision.policy() + "\";r=" + verdict.remaining() + ";t=" + verdict.resetSeconds());
        if (decision.allowed()) {
            return true;
        }
        context.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        reject(context, Problem.of(429, "Too Many Requests", "this " + (holder == null ? "address" : decision.policy()) + " is over its rate limit of "
                + verdict.quota() + " requests per " + verdict.windowSeconds() + " s; retry after " + verdict.retryAfterSeconds() + " s"));
        return false;
    }

    private static String withoutLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }

    private static void reject(RoutingContext context, Problem problem) {
        ProblemWriter.write(context.response(), problem.at(context.request().path()));
    }
}
