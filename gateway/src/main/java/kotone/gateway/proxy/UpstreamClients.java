package kotone.gateway.proxy;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.routing.Upstream;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/** One REST client per upstream, each with its own base URL and connection pool. */
@ApplicationScoped
public class UpstreamClients {

    private final Map<Upstream, UpstreamApi> clients = new EnumMap<>(Upstream.class);
    private final Map<Upstream, String> baseUrls = new EnumMap<>(Upstream.class);

    public UpstreamClients(GatewayConfig config) {
        for (Upstream upstream : Upstream.values()) {
            GatewayConfig.UpstreamConfig upstreamConfig = config.upstreams().get(upstream.key());
            if (upstreamConfig == null) {
                throw new IllegalStateException("set kotone.gateway.upstreams." + upstream.key() + ".url");
            }
            String base = upstreamConfig.url().replaceAll("/+$", "");
            baseUrls.put(upstream, base);
            clients.put(upstream, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(base))
                    .disableDefaultMapper(true)
                    .connectTimeout(config.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                    .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, config.connectionPoolSize())
                    .build(UpstreamApi.class));
        }
    }

    public UpstreamApi get(Upstream upstream) {
        return clients.get(upstream);
    }

    /** The full URL of a path (relative to the service root) and an optional raw query string. */
    public String url(Upstream upstream, String path, String query) {
        return baseUrls.get(upstream) + "/" + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
