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

    /** How long a request's body may take to arrive after its headers: a caller sending it too slowly is cut off (408). */
    @WithDefault("120s")
    Duration bodyTimeout();

    /** Where keys are also read from, again and again, so that keys rotate and are revoked without a restart. */
    KeysFile keysFile();

    /** Token buckets per key (by its role) and per client address. */
    RateLimits rateLimits();

    interface KeysFile {
        /**
         * A properties file ({@code client=key1,key2}, {@code analyst=...}, {@code admin=...}; plain keys or
         * {@code sha256:<hex>}), for example a mounted Kubernetes Secret. Its keys join those of the configuration.
         */
        Optional<String> path();

        /** How often the file is read: a key removed from it stops working within this time. */
        @WithDefault("10s")
        Duration reloadEvery();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Per key of each role (client, analyst, admin). */
        Map<String, Bucket> role();

        /** Per client address, over all its keys and for calls without a valid key. */
        Bucket address();
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
    interface Bucket {
        double perSecond();

        int burst();
    }

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
