package kotone.common.tracing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Records spans only where someone collects them. Every service samples with
 * {@code parentbased_traceidratio}; this source sets the ratio to 1 when an OTLP endpoint is given in the
 * environment and to 0 otherwise, so trace ids still exist and propagate (eval stores them) but nothing is
 * recorded or sent when no collector listens. Its ordinal is below {@code application.properties}, so a
 * profile or an explicit {@code QUARKUS_OTEL_TRACES_SAMPLER_ARG} still wins.
 */
public class TracingDefaults implements ConfigSource {

    static final String SAMPLER_ARG = "quarkus.otel.traces.sampler.arg";
    private static final Set<String> ENDPOINT_VARIABLES = Set.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");

    private final Map<String, String> properties;

    public TracingDefaults() {
        this(System.getenv());
    }

    TracingDefaults(Map<String, String> environment) {
        boolean endpointGiven = ENDPOINT_VARIABLES.stream()
                .map(environment::get)
                .anyMatch(value -> value != null && !value.isBlank());
        this.properties = Map.of(SAMPLER_ARG, endpointGiven ? "1.0" : "0.0");
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "kotone-tracing-defaults";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
