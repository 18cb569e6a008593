package kotone.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import kotone.core.vector.Dimension;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private final PromotionGate gate = new PromotionGate(GateSettings.defaults());

    /** n units whose champion value is `champion` and whose candidate value is champion + delta, with some spread. */
    private static PairedUnits units(int n, double champion, double delta, double spread) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double wobble = ((i * 37) % 11 - 5) / 5.0 * spread;
            a[i] = champion + wobble;
            b[i] = champion + wobble + delta + ((i * 17) % 7 - 3) / 3.0 * spread / 2;
        }
        return new PairedUnits(a, b);
    }

    private static PairedUnits passes(int n, int championPassed, int candidatePassed) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i < championPassed ? 1 : 0;
            b[i] = i < candidatePassed ? 1 : 0;
        }
        return new PairedUnits(a, b);
    }

    private static SetEvidence target(PairedUnits units) {
        return SetEvidence.of("es-target", GateMetric.VECTOR_MAE, units);
    }

    @Test
    void promotesAClearImprovementWhoseGuardsHold() {
        SetEvidence suite = SetEvidence.of("es-suite", GateMetric.EXPECTATION_PASS_RATE, passes(200, 180, 181));
        SetEvidence heldOut = SetEvidence.of("es-test", GateMetric.VECTOR_MAE, units(90, 10, 0.1, 2));
        GateDecision decision = gate.decide(target(units(120, 12, -2, 3)), List.of(suite, heldOut), 1.0);
        assertThat(decision.promote()).isTrue();
        assertThat(decision.target().ci95()[1]).isLessThan(0);
        assertThat(decision.guards()).extracting(SetResult::pass).containsExactly(true, true);
        assertThat(decision.reasons()).allMatch(reason -> reason.startsWith("PASS"));
        assertThat(decision.failingSets()).isEmpty();
    }

    @Test
    void aDifferenceWithinTheNoiseIsNotAnImprovement() {
        GateDecision decision = gate.decide(target(units(70, 12, -0.3, 4)), List.of(), 1.0);
        assertThat(decision.promote()).isFalse();
        assertThat(decision.target().ci95()[0]).isLessThan(0);
        assertThat(decision.target().ci95()[1]).isGreaterThan(0);
        assertThat(decision.reasons().get(0)).startsWith("FAIL target es-target").contains("no clear improvement");
    }

    @Test
    void aGuardWorseBeyondItsMarginIsNamed() {
        SetEvidence suite = SetEvidence.of("es-suite", GateMetric.EXPECTATION_PASS_RATE, passes(200, 190, 150));
        GateDecision decision = gate.decide(target(units(120, 12, -2, 3)), List.of(suite), 1.0);
        assertThat(decision.promote()).isFalse();
        SetResult guard = decision.guards().get(0);
        assertThat(guard.pass()).isFalse();
        assertThat(guard.delta()).isCloseTo(-0.2, within(1e-9));
        assertThat(guard.margin()).isEqualTo(0.02);
        assertThat(decision.failingSets()).containsExactly("es-suite (guard expectation_pass_rate)");
        assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith("FAIL guard es-suite") && reason.contains("beyond the margin"));
    }

    @Test
    void aGuardSlightlyWorseButWithinTheMarginHolds() {
        SetEvidence heldOut = SetEvidence.of("es-test", GateMetric.VECTOR_MAE, units(200, 10, 0.15, 0.5));
        GateDecision decision = gate.decide(target(units(120, 12, -2, 3)), List.of(heldOut), 1.0);
        assertThat(decision.guards().get(0).pass()).isTrue();
        assertThat(decision.guards().get(0).ci95()[1]).isGreaterThan(0).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aFocusDimensionClearlyWorseBlocksPromotionAfterHolm() {
        SetEvidence withFocus = new SetEvidence("es-target", GateMetric.VECTOR_MAE, units(120, 12, -2, 3),
                Map.of(Dimension.ENERGY, units(120, 15, -5, 3), Dimension.NOSTALGIA, units(120, 10, 4, 3)), null, null, 0);
        GateDecision decision = gate.decide(withFocus, List.of(), 1.0);
        assertThat(decision.promote()).isFalse();
        List<FocusResult> focus = decision.target().focus();
        assertThat(focus).extracting(FocusResult::dimension).containsExactly("energy", "nostalgia");
        assertThat(focus.get(0).improved()).isTrue();
        assertThat(focus.get(1).worsened()).isTrue();
        // two focus dimensions: the smaller p is read at 97.5%, the larger at 95%
        assertThat(focus).extracting(FocusResult::confidence).containsExactlyInAnyOrder(0.975, 0.95);
        assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith("FAIL focus nostalgia"));
    }

    @Test
    void tooFewValidAnswersBlockPromotion() {
        GateDecision decision = gate.decide(target(units(120, 12, -2, 3)), List.of(), 0.9);
        assertThat(decision.promote()).isFalse();
        assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith("FAIL json_valid_rate 0.900"));
    }

    @Test
    void theAaCalibrationOfADeterministicChampionCoversZero() {
        PairedUnits same = units(70, 11, 0, 0);
        SetEvidence.Calibration calibration = gate.calibrate(new PairedUnits(same.champion(), same.champion()), GateMetric.VECTOR_MAE, "a", "b");
        assertThat(calibration.coversZero()).isTrue();
        assertThat(calibration.ci95().low()).isZero();
        SetEvidence withCalibration = new SetEvidence("es-target", GateMetric.VECTOR_MAE, units(120, 12, -2, 3), Map.of(), calibration, null, 0);
        GateDecision decision = gate.decide(withCalibration, List.of(), 1.0);
        assertThat(decision.target().aa().coversZero()).isTrue();
        assertThat(decision.reasons().get(0)).contains("A/A +0.00 [+0.00, +0.00]");
    }

    @Test
    void anAaComparisonOfANoisyChampionCoversZeroToo() {
        // a champion whose answers wobble from run to run without changing on average
        double[] first = new double[150];
        double[] second = new double[150];
        for (int i = 0; i < first.length; i++) {
            first[i] = 10 + (i % 5);
            second[i] = 10 + ((i + (i % 2 == 0 ? 1 : 4)) % 5);
        }
        SetEvidence.Calibration calibration = gate.calibrate(new PairedUnits(first, second), GateMetric.VECTOR_MAE, "a", "b");
        assertThat(calibration.ci95().low()).isLessThan(calibration.ci95().high());
        assertThat(calibration.coversZero()).isTrue();
    }

    @Test
    void anEmptyTargetIsNeverAnImprovement() {
        GateDecision decision = gate.decide(target(new PairedUnits(new double[0], new double[0])), List.of(), 1.0);
        assertThat(decision.promote()).isFalse();
        assertThat(decision.target().verdict()).isEqualTo("no unit left to judge");
    }
}
