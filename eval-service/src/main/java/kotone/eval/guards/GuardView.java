package kotone.eval.guards;

import java.time.Instant;
import java.util.List;
import kotone.eval.sets.EvalSet;

/**
 * A guard as the API shows it: its eval set and what the gate judges on it.
 *
 * @param metrics vector_mae when the set has items with targets, expectation_pass_rate when it has behavioural checks
 */
public record GuardView(String datasetId, String name, int items, List<String> metrics, String note, String registeredBy, Instant registeredAt) {

    static GuardView of(Guard guard, EvalSet set) {
        return new GuardView(guard.setId, set.name(), set.count(), set.gateMetrics().stream().map(metric -> metric.key()).toList(), guard.note,
                guard.registeredBy, guard.registeredAt);
    }
}
