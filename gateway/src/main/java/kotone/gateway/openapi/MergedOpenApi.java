package kotone.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kotone.gateway.config.GatewayConfig;
import kotone.gateway.routing.RouteTable;
import kotone.gateway.routing.Upstream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The merged document, kept for a while once every service gave its own; a document that lacks a service is made
 * again on the next request, so it completes itself as soon as the service is back.
 */
@ApplicationScoped
public class MergedOpenApi {

    private record Made(ObjectNode document, Instant at) {
    }

    private final ServiceDocuments services;
    private final OpenApiMerger merger;
    private final Duration keepFor;
    private final String version;
    private final AtomicReference<Made> complete = new AtomicReference<>();

    public MergedOpenApi(ServiceDocuments services, RouteTable routes, GatewayConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.services = services;
        this.merger = new OpenApiMerger(routes);
        this.keepFor = config.openapi().keepFor();
        this.version = version;
    }

    public ObjectNode document() {
        Made made = complete.get();
        if (made != null && made.at().plus(keepFor).isAfter(Instant.now())) {
            return made.document();
        }
        Map<Upstream, Optional<JsonNode>> documents = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            documents.put(upstream, services.fetch(upstream));
        }
        ObjectNode merged = merger.merge(documents, version);
        if (documents.values().stream().allMatch(Optional::isPresent)) {
            complete.set(new Made(merged, Instant.now()));
        }
        return merged;
    }
}
