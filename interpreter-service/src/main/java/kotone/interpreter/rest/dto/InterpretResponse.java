package kotone.interpreter.rest.dto;

import java.util.List;
import java.util.Map;
import kotone.core.profile.HiddenParams;
import kotone.core.profile.TargetProfile;

public record InterpretResponse(HiddenParams hiddenParams, TargetProfile targetProfile, Map<String, List<String>> recommended,
        String hintToPlayer, List<String> rationale, Meta meta) {
}
