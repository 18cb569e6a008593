package kotone.scoring.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Four part ids by slot (style, instrument, mood, gimmick) and the profile to rate them against.
 *
 * @param ruleset "original" (the original game's scoring) or "kotone" (ours); default {@code kotone.scoring.ruleset}
 */
public record ScoreRequest(
        @NotNull @Size(max = 8) Map<@Size(max = 64) String, @NotNull @Size(max = 128) String> selectedPartsBySlot,
        @NotNull @Valid TargetProfileDto targetProfile,
        @Pattern(regexp = "original|kotone", message = "must be original or kotone") String ruleset) {
}
