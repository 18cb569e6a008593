package kotone.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "kotone.gateway")
public interface GatewayConfig {

    /** Keys per role, several each, plain or as {@code sha256:<hex>}; only their hashes are kept. */
    Keys keys();

    /** Whether the gateway refuses to start while a role has no key (on in prod). */
    @WithDefault("true")
    boolean requireKeys();

    @WithDefault("1000")
    int connectTimeoutMs();

    /** Connections kept open to each upstream. */
    @WithDefault("256")
    int connectionPoolSize();

    /** Circuit breaker of each upstream: opens when this share of the last requests failed to get an answer. */
    Breaker breaker();

    /** Base URL of each upstream service, by name (interpreter, scoring, eval, dataset). */
    Map<String, UpstreamConfig> upstreams();

    /** The merged OpenAPI document of the services (kotone.gateway.openapi.MergedOpenApi). */
    OpenApi openapi();

    interface OpenApi {
        /** How long a merged document that holds every service is kept before it is made again. */
        @WithDefault("PT1M")
        Duration keepFor();
    }

    interface Keys {
        Optional<List<String>> client();

        Optional<List<String>> analyst();

        Optional<List<String>> admin();
    }

    interface UpstreamConfig {
        String url();

        /** How long the gateway waits for the first bytes of an answer before it answers 504. */
        int timeoutMs();
    }

    interface Breaker {
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("5000")
        int delayMs();
    }
}
