package kotone.core.gate;

import java.util.List;

/**
 * The promotion gate's decision: promote or not, the reasons in words, and every set's figures.
 *
 * @param target the set the candidate must improve
 * @param guards the sets it may not get worse on beyond their margins
 * @param live the candidate shadowed on live traffic, or null when the decision was made without it
 */
public record GateDecision(boolean promote, List<String> reasons, SetResult target, List<SetResult> guards, LiveResult live) {

    public GateDecision {
        reasons = List.copyOf(reasons);
        guards = List.copyOf(guards);
    }

    /** This decision with the live evidence weighed in: it promotes only if the live part passes too. */
    public GateDecision withLive(LiveResult result) {
        java.util.List<String> all = new java.util.ArrayList<>(reasons);
        all.addAll(result.reasons());
        return new GateDecision(promote && result.pass(), all, target, guards, result);
    }

    /** The sets that failed, target first: what a refused promotion names. */
    public List<String> failingSets() {
        java.util.List<String> failing = new java.util.ArrayList<>();
        if (target != null && !target.pass()) {
            failing.add(target.datasetId() + " (target " + target.metric() + ")");
        }
        guards.stream().filter(guard -> !guard.pass()).forEach(guard -> failing.add(guard.datasetId() + " (guard " + guard.metric() + ")"));
        if (live != null && !live.pass()) {
            failing.add("live traffic (shadow of v" + live.candidateVersion() + ")");
        }
        return failing;
    }
}
