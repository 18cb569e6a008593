package kotone.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.routing.Upstream;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Fetches each service's OpenAPI document through a REST client. A service that cannot answer within the timeout
 * (after one retry) gives no document: the merged one then says which service it lacks. Values:
 * {@code quarkus.fault-tolerance."kotone.gateway.openapi.ServiceDocuments/fetch".*}.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);

    private final Map<Upstream, ServiceDocumentApi> clients = new EnumMap<>(Upstream.class);

    public ServiceDocuments(GatewayConfig config) {
        for (Upstream upstream : Upstream.values()) {
            clients.put(upstream, QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(config.upstreams().get(upstream.key()).url()))
                    .connectTimeout(config.connectTimeoutMs(), TimeUnit.MILLISECONDS).build(ServiceDocumentApi.class));
        }
    }

    @Timeout(3_000)
    @Retry(maxRetries = 1, delay = 200)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<JsonNode> fetch(Upstream upstream) {
        return Optional.of(clients.get(upstream).document("json"));
    }

    Optional<JsonNode> unavailable(Upstream upstream, Throwable cause) {
        LOG.warnf("the OpenAPI document of the %s could not be read: %s", upstream.serviceName(), cause.toString());
        return Optional.empty();
    }
}
