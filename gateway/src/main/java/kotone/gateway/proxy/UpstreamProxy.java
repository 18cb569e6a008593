package kotone.gateway.proxy;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import kotone.common.problem.Problem;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.http.ProblemWriter;
import kotone.gateway.routing.Upstream;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The reverse proxy to one upstream (Vert.x HTTP proxy): it strips {@code /api/v1} and the API key, streams
 * the body both ways, and guards each call with a timeout (the request's, on the event loop) and a circuit
 * breaker of its own (SmallRye Fault Tolerance), so a dead eval service does not slow scoring. An upstream that cannot answer becomes a 503
 * problem naming it (504 on timeout); an upstream's own error answer is passed on as it is.
 */
public final class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    public static final String PUBLIC_PREFIX = "/api/v1";

    private final Upstream upstream;
    private final HttpProxy proxy;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;

    UpstreamProxy(Upstream upstream, GatewayConfig.UpstreamConfig config, GatewayConfig.Breaker breaker,
            HttpClient client) {
        this.upstream = upstream;
        URI base = URI.create(config.url());
        SocketAddress origin = SocketAddress.inetSocketAddress(base.getPort() > 0 ? base.getPort() : 80, base.getHost());
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withDescription(upstream.serviceName())
                .withCircuitBreaker().name(upstream.key())
                    .requestVolumeThreshold(breaker.requestVolume()).failureRatio(breaker.failureRatio())
                    .delay(breaker.delayMs(), ChronoUnit.MILLIS).successThreshold(2)
                    .skipOn(List.of(CallerLeft.class, HttpClosedException.class, StreamResetException.class)).done()
                .withThreadOffload(false)
                .build();
        // The timeout is the request's own, a timer on the event loop that carries the call: a fault-tolerance
        // timeout would hand every call to its timer thread and wake it, which cost more than the proxying.
        this.proxy = HttpProxy.reverseProxy(client)
                .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                        .setServer(origin).setIdleTimeout(config.timeoutMs())))
                .addInterceptor(new Guarded());
    }

    public void handle(HttpServerRequest request) {
        proxy.handle(request);
    }

    private final class Guarded implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String uri = context.request().getURI();
            context.request().setURI(uri.startsWith(PUBLIC_PREFIX) ? uri.substring(PUBLIC_PREFIX.length()) : uri);
            context.request().headers().remove(ProblemWriter.API_KEY_HEADER);
            Context vertxContext = Vertx.currentContext();
            CompletionStage<ProxyResponse> guarded = guard.get(() -> context.sendRequest()
                    .recover(failure -> Future.failedFuture(callerLeft(context) ? new CallerLeft(failure) : failure))
                    .toCompletionStage());
            Future<ProxyResponse> answer = vertxContext == null ? Future.fromCompletionStage(guarded)
                    : Future.fromCompletionStage(guarded, vertxContext);
            return answer.recover(failure -> Future.succeededFuture(unavailable(context, uri, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String location = context.response().headers().get(HttpHeaders.LOCATION);
            if (location != null) {
                context.response().headers().set(HttpHeaders.LOCATION, publicLocation(location));
            }
            return context.sendResponse();
        }
    }

    private ProxyResponse unavailable(ProxyContext context, String path, Throwable failure) {
        String service = upstream.serviceName();
        Problem problem;
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout")) {
            problem = Problem.of(504, "Gateway Timeout", service + " did not answer in time");
        } else if (failure instanceof CircuitBreakerOpenException) {
            problem = Problem.of(503, "Service Unavailable",
                    service + " is unavailable: it failed repeatedly, so calls are paused (circuit open)");
        } else {
            Throwable cause = rootCause(failure);
            problem = Problem.of(503, "Service Unavailable", service + " is unavailable"
                    + (cause instanceof ConnectException ? ": connection refused" : ""));
            if (!(failure instanceof CallerLeft)) {
                LOG.warnf("%s failed for %s: %s", service, path, cause.toString());
            }
        }
        Buffer body = Buffer.buffer(ProblemWriter.json(problem.at(path)));
        return context.request().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(body));
    }

    /**
     * The caller hung up: the call was cut short on our side, which says nothing about the upstream's health.
     * When the caller leaves, the proxy resets its upstream call and that call fails with a closed connection;
     * the response is not always marked closed by then, so closed connections and reset streams do not count
     * against the breaker at all (before this, 64 callers leaving at once opened the breaker for everyone).
     * An upstream that is really down refuses connections or times out, and those count.
     */
    private static boolean callerLeft(ProxyContext context) {
        return context.request().proxiedRequest().response().closed();
    }

    static final class CallerLeft extends RuntimeException {
        CallerLeft(Throwable cause) {
            super("the caller closed the connection", cause, false, false);
        }
    }

    /** An upstream's {@code Location: http://eval:8083/eval/runs/7} becomes {@code /api/v1/eval/runs/7}. */
    static String publicLocation(String location) {
        String path = location.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+", "");
        return PUBLIC_PREFIX + (path.startsWith("/") ? path : "/" + path);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
