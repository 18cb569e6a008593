package kotone.eval.gate;

import java.util.List;
import java.util.Set;
import kotone.core.vector.Dimension;
import kotone.eval.sets.EvalSet;

/**
 * What the gate judges: a candidate against the champion on a target and the guards.
 *
 * @param setAside items of the target left out of its comparison (those a cycle replayed into training)
 * @param focus the target's focus dimensions; empty to take the champion's two worst dimensions on the target
 * @param traceparent the request that asked, for the runs' traces; may be null
 */
public record GateRequest(int championVersion, int candidateVersion, EvalSet target, List<EvalSet> guards, Set<Integer> setAside,
        List<Dimension> focus, String traceparent) {

    public GateRequest {
        guards = List.copyOf(guards);
        setAside = Set.copyOf(setAside);
        focus = List.copyOf(focus);
    }
}
