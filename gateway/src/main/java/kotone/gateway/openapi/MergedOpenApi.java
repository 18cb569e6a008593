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
 * The merged document, kept for a while once every service gave its own; a document that lacks a service is kept ten
 * seconds only, so it completes itself soon after the service is back without every request asking the services again.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Duration KEEP_INCOMPLETE = Duration.ofSeconds(10);

    private record Made(ObjectNode document, Instant until) {
    }

    private final ServiceDocuments services;
    private final OpenApiMerger merger;
    private final Duration keepFor;
    private final String version;
    private final AtomicReference<Made> latest = new AtomicReference<>();

    public MergedOpenApi(ServiceDocuments services, RouteTable routes, GatewayConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.services = services;
        this.merger = new OpenApiMerger(routes);
        this.keepFor = config.openapi().keepFor();
        this.version = version;
    }

    public ObjectNode document() {
        Made made = latest.get();
        if (made != null && made.until().isAfter(Instant.now())) {
            return made.document();
        }
        Map<Upstream, Optional<JsonNode>> documents = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            documents.put(upstream, services.fetch(upstream));
        }
        ObjectNode merged = merger.merge(documents, version);
        boolean complete = documents.values().stream().allMatch(Optional::isPresent);
        latest.set(new Made(merged, Instant.now().plus(complete || keepFor.compareTo(KEEP_INCOMPLETE) < 0 ? keepFor : KEEP_INCOMPLETE)));
        return merged;
    }
}
