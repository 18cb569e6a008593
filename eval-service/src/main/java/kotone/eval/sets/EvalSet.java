package kotone.eval.sets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kotone.core.gate.GateMetric;

/**
 * An immutable eval set.
 *
 * @param sourceScale the scale its targets came in (10 or 100); they are stored on 100
 * @param origin "import" or "dataset:<id>/<split>"
 * @param targetItems how many items carry a target: the set can judge vector MAE when there are any
 * @param checkItems how many items carry behavioural checks: the set can judge the expectation pass rate when there are any
 */
public record EvalSet(String id, String name, String declaredVersion, int sourceScale, int count, String origin, Instant createdAt,
        int targetItems, int checkItems) {

    /** What the promotion gate can judge on this set: the MAE of its items with targets, the pass rate of its checks. */
    public List<GateMetric> gateMetrics() {
        List<GateMetric> metrics = new ArrayList<>(2);
        if (targetItems > 0) {
            metrics.add(GateMetric.VECTOR_MAE);
        }
        if (checkItems > 0) {
            metrics.add(GateMetric.EXPECTATION_PASS_RATE);
        }
        return metrics;
    }
}
