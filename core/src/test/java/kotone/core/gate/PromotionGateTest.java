package kotone.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private final PromotionGate gate = new PromotionGate(GateThresholds.defaults());

    private static Map<String, Object> metrics(double valid, double mae, double energy, double nostalgia) {
        return Map.of("json_valid_rate", valid, "vector_mae", mae, "mae_raw_by_dim", Map.of("energy", energy, "nostalgia", nostalgia));
    }

    @Test
    void promotesACandidateBetterEverywhereItMatters() {
        PromotionGate.Decision decision = gate.decide(metrics(1, 10, 12, 9), metrics(1, 9, 10, 8), List.of("energy", "nostalgia"), 0.2);
        assertThat(decision.promote()).isTrue();
        assertThat(decision.reasons()).hasSize(5).allMatch(reason -> reason.startsWith("PASS"));
    }

    @Test
    void rejectsOnAnySingleFailedCheck() {
        assertThat(gate.decide(metrics(1, 10, 12, 9), metrics(0.97, 9, 10, 8), List.of("energy"), 0.2).promote()).isFalse();
        assertThat(gate.decide(metrics(1, 10, 12, 9), metrics(1, 10.1, 10, 8), List.of("energy"), 0.2).promote()).isFalse();
        PromotionGate.Decision focusWorse = gate.decide(metrics(1, 10, 12, 9), metrics(1, 9, 10, 9.5), List.of("energy", "nostalgia"), 0.2);
        assertThat(focusWorse.promote()).isFalse();
        assertThat(focusWorse.reasons()).anyMatch(reason -> reason.startsWith("FAIL focus dimension nostalgia"));
        assertThat(gate.decide(metrics(1, 10, 12, 9), metrics(1, 9, 10, 8), List.of("energy"), 0.6).promote()).isFalse();
        assertThat(gate.decide(metrics(1, 10, 12, 9), Map.of(), List.of("energy"), 0).promote()).isFalse();
    }
}
