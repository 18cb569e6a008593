package kotone.common.tracing;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import java.util.Set;

/**
 * Records spans only where someone collects them. Every service samples with
 * {@code parentbased_traceidratio}; this source sets the ratio to 1 when an OTLP endpoint is given in the
 * environment and to 0 otherwise, so trace ids still exist and propagate (eval stores them) but nothing is
 * recorded or sent when no collector listens. Its ordinal is below {@code application.properties}, so a
 * profile or an explicit {@code QUARKUS_OTEL_TRACES_SAMPLER_ARG} still wins.
 */
public class TracingDefaults extends MapBackedConfigSource {

    static final String SAMPLER_ARG = "quarkus.otel.traces.sampler.arg";
    private static final Set<String> ENDPOINT_VARIABLES = Set.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");

    public TracingDefaults() {
        this(System.getenv());
    }

    TracingDefaults(Map<String, String> environment) {
        super("kotone-tracing-defaults", Map.of(SAMPLER_ARG, endpointGiven(environment) ? "1.0" : "0.0"), 200);
    }

    private static boolean endpointGiven(Map<String, String> environment) {
        return ENDPOINT_VARIABLES.stream().map(environment::get).anyMatch(value -> value != null && !value.isBlank());
    }
}
