package kotone.gateway.proxy;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
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
import kotone.common.problem.Causes;
import kotone.common.problem.Problem;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.http.ProblemWriter;
import kotone.gateway.routing.Upstream;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The reverse proxy to one upstream (Vert.x HTTP proxy): it strips {@code /api/v1} and the API key, streams
 * the body both ways, and guards each call with a timeout (the request's, on the event loop) and a circuit
 * breaker of its own (SmallRye Fault Tolerance), so a dead eval service does not slow scoring. An upstream
 * that cannot answer becomes a 503 problem naming it (504 on timeout); an upstream's own error answer is
 * passed on as it is.
 */
public final class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    public static final String PUBLIC_PREFIX = "/api/v1";

    private final Upstream upstream;
    private final HttpProxy proxy;
    private final TypedGuard<Future<ProxyResponse>> guard;
    private final TextMapPropagator propagator;

    UpstreamProxy(Upstream upstream, GatewayConfig.UpstreamConfig config, GatewayConfig.Breaker breaker,
            HttpClient client, TextMapPropagator propagator) {
        this.upstream = upstream;
        this.propagator = propagator;
        URI base = URI.create(config.url());
        SocketAddress origin = SocketAddress.inetSocketAddress(base.getPort() > 0 ? base.getPort() : 80,
                base.getHost());
        this.guard = TypedGuard.create(new TypeLiteral<Future<ProxyResponse>>() { })
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
            // The upstream continues the gateway's server span. The client itself does not trace
            // (TracingPolicy.IGNORE): a client span per call only repeated the server span's timing, at a cost.
            propagator.inject(Context.current(), context.request().headers(), MultiMap::set);
            return guard.get(() -> context.sendRequest()
                    .onSuccess(UpstreamProxy::expectResetsWhileWaiting)
                    .recover(failure -> Future.failedFuture(callerLeft(context) ? new CallerLeft(failure) : failure)))
                    .recover(failure -> Future.succeededFuture(unavailable(context, uri, failure)));
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
        if (timedOut(failure)) {
            problem = Problem.of(504, "Gateway Timeout", service + " did not answer in time");
        } else if (failure instanceof CircuitBreakerOpenException) {
            problem = Problem.of(503, "Service Unavailable",
                    service + " is unavailable: it failed repeatedly, so calls are paused (circuit open)");
        } else {
            Throwable cause = Causes.root(failure);
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

    /**
     * An upstream answer waits, paused, until it is passed on. If the caller hangs up in that moment the proxy
     * resets the upstream stream, and a stream without a handler logs that reset as an error: one ERROR line
     * per caller who left. Passing the body on replaces this handler with the pipe's own.
     */
    private static void expectResetsWhileWaiting(ProxyResponse response) {
        Body body = response.getBody();
        if (body != null) {
            body.stream().exceptionHandler(reset -> LOG.debugf("upstream answer dropped: %s", reset.getMessage()));
        }
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

    /** The request's own timeout (Vert.x raises a {@link java.util.concurrent.TimeoutException}), however wrapped. */
    private static boolean timedOut(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.netty.handler.timeout.TimeoutException);
    }
}
