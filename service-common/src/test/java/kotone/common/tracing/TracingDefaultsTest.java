package kotone.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingDefaultsTest {

    @Test
    void recordsSpansOnlyWhenACollectorIsGiven() {
        assertThat(new TracingDefaults(Map.of()).getValue(TracingDefaults.SAMPLER_ARG)).isEqualTo("0.0");
        assertThat(new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")).getValue(TracingDefaults.SAMPLER_ARG))
                .isEqualTo("0.0");
        assertThat(new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318"))
                .getValue(TracingDefaults.SAMPLER_ARG)).isEqualTo("1.0");
    }

    @Test
    void yieldsToApplicationProperties() {
        assertThat(new TracingDefaults(Map.of()).getOrdinal()).isLessThan(250);
    }
}
