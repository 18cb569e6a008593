package kotone.core.gate;

import java.util.List;
import kotone.core.traffic.ShadowEvidence;

/**
 * The live part of a gate decision: the candidate shadowed on live requests beside the champion.
 *
 * @param enough whether there were enough shadowed requests to judge; without, {@code pass} is true and the reasons say why
 */
public record LiveResult(int candidateVersion, boolean enough, boolean pass, LiveMargins margins, List<String> reasons, ShadowEvidence evidence) {

    public LiveResult {
        reasons = List.copyOf(reasons);
    }
}
