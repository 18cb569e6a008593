package kotone.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kotone.core.stats.Interval;
import kotone.core.traffic.ShadowEvidence;
import org.junit.jupiter.api.Test;

class LiveJudgementTest {

    private static final LiveMargins MARGINS = new LiveMargins(50, 0.05, 5);

    private static ShadowEvidence evidence(int requests, Interval ci, double candidateP95) {
        return new ShadowEvidence(requests, List.of(), new ShadowEvidence.Expectations(requests, requests, 0.9, 0.9, 0, ci),
                new ShadowEvidence.Latency(1, 2, 3), new ShadowEvidence.Latency(0.2, candidateP95, candidateP95));
    }

    @Test
    void tooFewRequestsNeitherPassNorBlock() {
        LiveResult result = LiveJudgement.judge(3, evidence(49, new Interval(-0.5, -0.3), 1), MARGINS);
        assertThat(result.enough()).isFalse();
        assertThat(result.pass()).isTrue();
        assertThat(result.reasons()).singleElement().asString().startsWith("SKIP live: 49");
    }

    @Test
    void theWorseEndOfTheIntervalMustStayWithinTheMarginAndTheCandidateFastEnough() {
        assertThat(LiveJudgement.judge(3, evidence(50, new Interval(-0.05, 0.02), 1), MARGINS).pass()).isTrue();
        assertThat(LiveJudgement.judge(3, evidence(50, new Interval(-0.06, 0.02), 1), MARGINS).pass()).isFalse();
        assertThat(LiveJudgement.judge(3, evidence(50, new Interval(-0.01, 0.02), 5.5), MARGINS).pass()).isFalse();
    }

    @Test
    void aFailedLivePartRefusesAPromotionTheSetsWouldAllow() {
        GateDecision sets = new GateDecision(true, List.of("PASS target"), null, List.of(), null);
        GateDecision decision = sets.withLive(LiveJudgement.judge(3, evidence(80, new Interval(-0.2, -0.1), 1), MARGINS));
        assertThat(decision.promote()).isFalse();
        assertThat(decision.failingSets()).containsExactly("live traffic (shadow of v3)");
        assertThat(decision.reasons()).first().isEqualTo("PASS target");
    }
}
