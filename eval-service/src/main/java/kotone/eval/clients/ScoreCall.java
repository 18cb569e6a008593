package kotone.eval.clients;

import java.util.Map;
import kotone.core.profile.TargetProfile;

/** The body of the scoring service's POST /score: a selection, one part per slot, against a target profile. */
public record ScoreCall(Map<String, String> selectedPartsBySlot, TargetProfile targetProfile) {
}
