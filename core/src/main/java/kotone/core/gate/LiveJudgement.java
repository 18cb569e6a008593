package kotone.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kotone.core.traffic.ShadowEvidence;

/** Judges a candidate's live evidence against the margins. */
public final class LiveJudgement {

    private LiveJudgement() {
    }

    public static LiveResult judge(int candidateVersion, ShadowEvidence evidence, LiveMargins margins) {
        List<String> reasons = new ArrayList<>();
        ShadowEvidence.Expectations expectations = evidence.expectations();
        if (expectations.requests() < margins.minRequests() || expectations.ci95() == null) {
            reasons.add(String.format(Locale.ROOT, "SKIP live: %d shadowed requests with a clear rule reading, fewer than the %d needed to judge "
                    + "(%d shadowed in all); the live evidence neither passes nor blocks", expectations.requests(), margins.minRequests(),
                    evidence.requests()));
            return new LiveResult(candidateVersion, false, true, margins, reasons, evidence);
        }
        boolean expectationsHeld = expectations.ci95().low() >= -margins.maxExpectationDrop();
        reasons.add(String.format(Locale.ROOT, "%s live: expectations met on %d live requests where the rules fire clearly %.3f -> %.3f "
                + "(%+.3f per request, 95%% CI [%+.3f, %+.3f]; may fall at most %.2f)", expectationsHeld ? "PASS" : "FAIL", expectations.requests(),
                expectations.champion(), expectations.candidate(), expectations.difference(), expectations.ci95().low(), expectations.ci95().high(),
                margins.maxExpectationDrop()));
        double p95 = evidence.candidateLatencyMs().p95();
        boolean fastEnough = p95 <= margins.maxCandidateP95Ms();
        reasons.add(String.format(Locale.ROOT, "%s live: the candidate read in %.3f ms at p95 (at most %.1f)", fastEnough ? "PASS" : "FAIL", p95,
                margins.maxCandidateP95Ms()));
        return new LiveResult(candidateVersion, true, expectationsHeld && fastEnough, margins, reasons, evidence);
    }
}
