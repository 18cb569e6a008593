package kotone.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class ShadowComparisonTest {

    private final ShadowComparison comparison = new ShadowComparison(25, 10);

    private static MusicVector energy(int value) {
        return MusicVector.of(value, 50, 50, 50, 50, 50);
    }

    @Test
    void differencesAreCandidateLessServedPerDimension() {
        List<ShadowPair> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(new ShadowPair(energy(40), energy(40 + i), null, 1.0 + i, 0.1 * (i + 1)));
        }
        ShadowEvidence evidence = comparison.compare(pairs, 1);
        assertThat(evidence.requests()).isEqualTo(10);
        ShadowEvidence.DimensionDifference energy = evidence.differences().get(0);
        assertThat(energy.mean()).isEqualTo(4.5);
        assertThat(energy.p10()).isEqualTo(0.0);
        assertThat(energy.p50()).isEqualTo(4.0);
        assertThat(energy.p90()).isEqualTo(8.0);
        assertThat(evidence.differences().get(1).meanAbsolute()).isZero();
        assertThat(evidence.candidateLatencyMs().p95()).isEqualTo(1.0);
        assertThat(evidence.servedLatencyMs().p50()).isEqualTo(5.0);
        assertThat(evidence.expectations().requests()).isZero();
        assertThat(evidence.expectations().ci95()).isNull();
    }

    @Test
    void whereTheRulesFireClearlyACandidateOnTheWrongSideMissesTheExpectation() {
        List<ShadowPair> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // the rules read energy 85 (clear, high): the champion served 70 (met), the candidate 52 (missed) on half of them
            pairs.add(new ShadowPair(energy(70), energy(i % 2 == 0 ? 52 : 75), energy(85), 1, 1));
        }
        pairs.add(new ShadowPair(energy(30), energy(30), energy(60), 1, 1)); // the rules are not clear here: no expectation
        ShadowEvidence.Expectations expectations = comparison.compare(pairs, 7).expectations();
        assertThat(expectations.requests()).isEqualTo(40);
        assertThat(expectations.checked()).isEqualTo(40);
        assertThat(expectations.champion()).isEqualTo(1.0);
        assertThat(expectations.candidate()).isEqualTo(0.5);
        assertThat(expectations.difference()).isEqualTo(-0.5);
        assertThat(expectations.ci95().high()).isLessThan(-0.3);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        List<ShadowPair> pairs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pairs.add(new ShadowPair(energy(20 + i), energy(30 + i), energy(i % 3 == 0 ? 10 : 90), 1, 1));
        }
        assertThat(comparison.compare(pairs, 3).expectations().ci95()).isEqualTo(comparison.compare(pairs, 3).expectations().ci95());
    }
}
