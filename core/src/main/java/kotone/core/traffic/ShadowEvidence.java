package kotone.core.traffic;

import java.util.List;
import kotone.core.stats.Interval;

/**
 * What shadowing a candidate on live traffic showed, next to what the champion served.
 *
 * @param differences per dimension, the candidate's reading less the served one
 * @param expectations where the rules fired clearly (their reading at least {@code clearDistance} from 50), whether each side
 *        landed on the rules' side of 50 by at least {@code expectedDistance}
 * @param candidateLatencyMs the candidate's own reading time (rules, model and combination); {@code servedLatencyMs} is the
 *        whole served request's
 */
public record ShadowEvidence(int requests, List<DimensionDifference> differences, Expectations expectations, Latency servedLatencyMs,
        Latency candidateLatencyMs) {

    /** @param p10 the 10th percentile of candidate less served, in points; {@code p50} and {@code p90} likewise */
    public record DimensionDifference(String dimension, double mean, double meanAbsolute, double p10, double p50, double p90) {
    }

    /**
     * @param requests the live requests with at least one expectation: the units of the paired interval
     * @param checked the expectations; {@code champion} and {@code candidate} are the shares of them each met
     * @param difference per request, the share the candidate met less the champion's, averaged; {@code ci95} is its 95% paired
     *        bootstrap interval (null below two requests)
     */
    public record Expectations(int requests, int checked, double champion, double candidate, double difference, Interval ci95) {
    }

    public record Latency(double p50, double p95, double p99) {
    }
}
