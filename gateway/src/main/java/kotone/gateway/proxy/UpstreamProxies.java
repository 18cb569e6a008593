package kotone.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.routing.Upstream;

/** The four reverse proxies, built once on the application's Vert.x instance. */
@ApplicationScoped
public class UpstreamProxies {

    private final Map<Upstream, UpstreamProxy> proxies = new EnumMap<>(Upstream.class);

    public UpstreamProxies(Vertx vertx, GatewayConfig config) {
        for (Upstream upstream : Upstream.values()) {
            GatewayConfig.UpstreamConfig upstreamConfig = config.upstreams().get(upstream.key());
            if (upstreamConfig == null) {
                throw new IllegalStateException("set kotone.gateway.upstreams." + upstream.key() + ".url");
            }
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions().setConnectTimeout(config.connectTimeoutMs()).setKeepAlive(true)
                            .setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(config.connectionPoolSize()));
            proxies.put(upstream, new UpstreamProxy(upstream, upstreamConfig, config.breaker(), client));
        }
    }

    public UpstreamProxy get(Upstream upstream) {
        return proxies.get(upstream);
    }
}
