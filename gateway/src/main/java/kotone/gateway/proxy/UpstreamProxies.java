package kotone.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.routing.Upstream;

/**
 * The four reverse proxies, built once on the application's Vert.x instance. Each breaker's state is a gauge read when
 * metrics are scraped ({@code kotone_gateway_breaker_state}: 0 closed, 1 half open, 2 open): fault tolerance's own metrics
 * are off in the gateway, since counting every proxied call cost about 5% of its throughput (docs/BENCHMARKS.md).
 */
@ApplicationScoped
public class UpstreamProxies {

    private final Map<Upstream, UpstreamProxy> proxies = new EnumMap<>(Upstream.class);

    public UpstreamProxies(Vertx vertx, GatewayConfig config, OpenTelemetry openTelemetry, CircuitBreakerMaintenance breakers,
            MeterRegistry meters) {
        TextMapPropagator propagator = openTelemetry.getPropagators().getTextMapPropagator();
        for (Upstream upstream : Upstream.values()) {
            GatewayConfig.UpstreamConfig upstreamConfig = config.upstreams().get(upstream.key());
            if (upstreamConfig == null) {
                throw new IllegalStateException("set kotone.gateway.upstreams." + upstream.key() + ".url");
            }
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions().setConnectTimeout(config.connectTimeoutMs()).setKeepAlive(true)
                            .setTcpNoDelay(true).setTracingPolicy(TracingPolicy.IGNORE),
                    new PoolOptions().setHttp1MaxSize(config.connectionPoolSize()));
            proxies.put(upstream, new UpstreamProxy(upstream, upstreamConfig, config.breaker(), client, propagator));
            Gauge.builder("kotone.gateway.breaker.state", () -> state(breakers, upstream.key()))
                    .description("the circuit breaker in front of the upstream: 0 closed, 1 half open, 2 open")
                    .tag("upstream", upstream.key()).register(meters);
        }
    }

    private static double state(CircuitBreakerMaintenance breakers, String name) {
        return switch (breakers.currentState(name)) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    public UpstreamProxy get(Upstream upstream) {
        return proxies.get(upstream);
    }
}
