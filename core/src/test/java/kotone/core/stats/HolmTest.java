package kotone.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void adjustsByRankAndKeepsTheAdjustedValuesMonotone() {
        // sorted: 0.005 x4 = 0.02; 0.01 x3 = 0.03; 0.03 x2 = 0.06; 0.04 x1 = 0.04, raised to 0.06 to stay monotone
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void neverAdjustsAboveOne() {
        assertThat(Holm.adjust(new double[] {0.6, 0.9})).containsExactly(1.0, 1.0);
    }

    @Test
    void aSingleTestIsLeftAsItIs() {
        assertThat(Holm.adjust(new double[] {0.012})).containsExactly(0.012);
    }

    @Test
    void intervalsOfTheSmallestPValueAreReadAtTheStrictestLevel() {
        double[] confidences = Holm.intervalConfidences(new double[] {0.2, 0.001, 0.04}, 0.05);
        assertThat(confidences[1]).isCloseTo(1 - 0.05 / 3, within(1e-12));
        assertThat(confidences[2]).isCloseTo(1 - 0.05 / 2, within(1e-12));
        assertThat(confidences[0]).isCloseTo(0.95, within(1e-12));
    }
}
