package kotone.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import kotone.core.catalog.Catalog;
import kotone.core.derive.ProfileDerivation;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

/** Every metric on a three-sample fixture computed by hand. */
class RunMetricsTest {

    private final ProfileDerivation derivation = new ProfileDerivation(Catalog.standard());

    private EvalSample sample(MusicVector target, MusicVector predicted, Integer intent, double latency, Double cost) {
        return new EvalSample(target, predicted, predicted == null ? null : SampleJudgement.of(predicted, target, derivation), intent, latency, cost, false);
    }

    @Test
    void computesTheOriginalMetricsOnTheHundredScale() {
        MusicVector target = MusicVector.of(20, 80, 40, 70, 30, 90);
        RunMetrics metrics = new RunMetrics();
        // exact: errors all 0, spread 70 -> sanity round(70 + 21) = 91
        metrics.add(sample(target, target, 90, 10.0, 0.0));
        // off by 10 on energy and 20 on nostalgia: abs 10,0,0,0,0,20 ; spread max(80)-min(30)=50 -> sanity 85
        metrics.add(sample(target, MusicVector.of(30, 80, 40, 70, 30, 70), 70, 30.0, 0.0));
        // invalid answer: sanity 12, no errors counted
        metrics.add(sample(target, null, null, 20.0, 0.0));
        MetricsSummary m = metrics.summary();
        assertThat(m.samples()).isEqualTo(3L);
        assertThat(m.validSamples()).isEqualTo(2L);
        assertThat(m.jsonValidRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.vectorMae()).isCloseTo(30 / 12.0, within(1e-12));
        assertThat(m.mseRaw()).isCloseTo((100 + 400) / 12.0, within(1e-12));
        assertThat(m.mseNorm()).isCloseTo((500 / 12.0) / 10_000, within(1e-12));
        // targets (twice): 20,80,40,70,30,90 -> mean 55, SStot = 2 * (35^2+25^2+15^2+15^2+25^2+35^2) = 2 * 4150
        assertThat(m.r2Score()).isCloseTo(1 - 500 / 8300.0, within(1e-12));
        assertThat(m.maeRawByDim().get("energy")).isEqualTo(5.0);
        assertThat(m.maeRawByDim().get("nostalgia")).isEqualTo(10.0);
        assertThat(m.maeRawByDim().get("warmth")).isEqualTo(0.0);
        assertThat(m.intentScoreMean()).isEqualTo(80.0);
        assertThat(m.intentScoredSamples()).isEqualTo(2);
        assertThat(m.outputSanityScore()).isCloseTo((91 + 85 + 12) / 3.0, within(1e-12));
        assertThat(m.p50LatencyMs()).isEqualTo(20.0);
        assertThat(m.p95LatencyMs()).isEqualTo(30.0);
        assertThat(m.costPer100RequestsUsd()).isEqualTo(0.0);
        assertThat(m.constraintMatchRate()).isBetween(0.5, 1.0);
        assertThat(m.slotExactMatch()).isBetween(0.5, 1.0);
    }

    @Test
    void constraintAndSlotMatchesFollowTheDerivations() {
        MusicVector target = MusicVector.of(20, 80, 40, 70, 30, 90);
        MusicVector opposite = MusicVector.of(90, 10, 90, 10, 90, 5);
        SampleJudgement same = SampleJudgement.of(target, target, derivation);
        assertThat(same.constraintMatch()).isTrue();
        assertThat(same.slotExactMatch()).isEqualTo(1.0);
        SampleJudgement far = SampleJudgement.of(opposite, target, derivation);
        assertThat(far.constraintMatch()).isFalse();
        assertThat(far.slotExactMatch()).isLessThan(1.0);
    }

    @Test
    void anUnknownPriceIsMissingNotZeroAndEmptyRunsHaveNoMetrics() {
        RunMetrics metrics = new RunMetrics();
        metrics.add(sample(MusicVector.neutral(), MusicVector.neutral(), null, 1, null));
        assertThat(metrics.summary().costPer100RequestsUsd()).isNull();
        assertThat(new RunMetrics().summary().vectorMae()).isNull();
    }

    @Test
    void aBehaviouralItemWithoutATargetCountsAsValidButNotInTheErrors() {
        MusicVector target = MusicVector.of(20, 80, 40, 70, 30, 90);
        RunMetrics metrics = new RunMetrics();
        metrics.add(sample(target, MusicVector.of(30, 80, 40, 70, 30, 70), 70, 30.0, 0.0));
        // no target: a valid answer (spread 60 -> sanity 88), nothing to measure its error against
        metrics.add(new EvalSample(null, MusicVector.of(20, 50, 50, 50, 50, 80), null, null, 10.0, 0.0, false));
        MetricsSummary m = metrics.summary();
        assertThat(m.validSamples()).isEqualTo(2L);
        assertThat(m.judgedSamples()).isEqualTo(1L);
        assertThat(m.jsonValidRate()).isEqualTo(1.0);
        assertThat(m.vectorMae()).isCloseTo(30 / 6.0, within(1e-12));
        assertThat(m.outputSanityScore()).isCloseTo((85 + 88) / 2.0, within(1e-12));
    }
}
