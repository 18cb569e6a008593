package kotone.core.gate;

import java.util.List;

/**
 * The promotion gate's decision: promote or not, the reasons in words, and every set's figures.
 *
 * @param target the set the candidate must improve
 * @param guards the sets it may not get worse on beyond their margins
 */
public record GateDecision(boolean promote, List<String> reasons, SetResult target, List<SetResult> guards) {

    public GateDecision {
        reasons = List.copyOf(reasons);
        guards = List.copyOf(guards);
    }

    /** The sets that failed, target first: what a refused promotion names. */
    public List<String> failingSets() {
        java.util.List<String> failing = new java.util.ArrayList<>();
        if (target != null && !target.pass()) {
            failing.add(target.datasetId() + " (target " + target.metric() + ")");
        }
        guards.stream().filter(guard -> !guard.pass()).forEach(guard -> failing.add(guard.datasetId() + " (guard " + guard.metric() + ")"));
        return failing;
    }
}
