package kotone.eval.cycles;

import java.util.List;
import java.util.UUID;
import kotone.core.gate.LiveResult;
import kotone.core.gate.SetResult;

/**
 * What a finished cycle decided: the gate's decision (promote, reasons, target, guards, live), the two versions, the gate
 * check it rests on and what the interpreter said when told of a promotion.
 */
public record CycleDecision(boolean promote, List<String> reasons, SetResult target, List<SetResult> guards, LiveResult live,
        int promotedVersion, int candidateVersion, UUID gateCheckId, String interpreterReload) {
}
