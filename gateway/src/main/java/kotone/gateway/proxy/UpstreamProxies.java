package kotone.gateway.proxy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
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

/** The four reverse proxies, built once on the application's Vert.x instance. */
@ApplicationScoped
public class UpstreamProxies {

    private final Map<Upstream, UpstreamProxy> proxies = new EnumMap<>(Upstream.class);

    public UpstreamProxies(Vertx vertx, GatewayConfig config, OpenTelemetry openTelemetry) {
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
        }
    }

    public UpstreamProxy get(Upstream upstream) {
        return proxies.get(upstream);
    }
}
