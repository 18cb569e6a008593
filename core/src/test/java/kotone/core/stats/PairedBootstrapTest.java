package kotone.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    private final PairedBootstrap bootstrap = new PairedBootstrap(20_000);

    @Test
    void identicalAnswersGiveAnIntervalOfExactlyZero() {
        PairedBootstrap.Result result = bootstrap.run(new double[] {0, 0, 0, 0, 0}, 1);
        assertThat(result.mean()).isZero();
        assertThat(result.interval(0.95)).isEqualTo(new Interval(0, 0));
        assertThat(result.interval(0.95).covers(0)).isTrue();
    }

    @Test
    void twoUnitsGiveTheHandComputedDistribution() {
        // two units, 0 and 1: a resample of two takes mean 0 with p 1/4, 0.5 with p 1/2 and 1 with p 1/4
        PairedBootstrap.Result result = bootstrap.run(new double[] {0, 1}, 7);
        double[] means = result.sortedMeans();
        assertThat(Arrays.stream(means).filter(m -> m == 0).count() / (double) means.length).isCloseTo(0.25, within(0.015));
        assertThat(Arrays.stream(means).filter(m -> m == 0.5).count() / (double) means.length).isCloseTo(0.5, within(0.015));
        assertThat(result.mean()).isEqualTo(0.5);
        assertThat(result.interval(0.95)).isEqualTo(new Interval(0, 1));
        assertThat(result.interval(0.40)).isEqualTo(new Interval(0.5, 0.5));
        // the share of resampled means at or below zero, plus one in the numerator and the denominator
        assertThat(result.pNotAboveZero()).isCloseTo(0.25, within(0.015));
        assertThat(result.pNotBelowZero()).isEqualTo(1.0);
    }

    @Test
    void aConsistentImprovementLiesWhollyBelowZero() {
        double[] differences = new double[60];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = i % 3 == 0 ? -1 : -3;
        }
        PairedBootstrap.Result result = bootstrap.run(differences, 3);
        assertThat(result.mean()).isCloseTo(-7 / 3.0, within(1e-9));
        assertThat(result.interval(0.95).high()).isLessThan(0);
        assertThat(result.pNotBelowZero()).isEqualTo(1 / 20_001.0);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedNearlyTheSame() {
        double[] differences = {-4, 2, 0, -1, 3, -2, -5, 1, 0, -3, 2, -1};
        Interval first = bootstrap.run(differences, 11).interval(0.95);
        assertThat(bootstrap.run(differences, 11).interval(0.95)).isEqualTo(first);
        Interval other = bootstrap.run(differences, 12).interval(0.95);
        assertThat(other.low()).isCloseTo(first.low(), within(0.25));
        assertThat(other.high()).isCloseTo(first.high(), within(0.25));
    }

    @Test
    void noUnitsGiveAnEmptyChange() {
        PairedBootstrap.Result result = bootstrap.run(new double[0], 1);
        assertThat(result.units()).isZero();
        assertThat(result.interval(0.95)).isEqualTo(new Interval(0, 0));
        assertThat(result.pNotAboveZero()).isEqualTo(1.0);
    }

    @Test
    void tooFewResamplesAreRefused() {
        assertThatThrownBy(() -> new PairedBootstrap(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
