package kotone.dataset.traffic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import kotone.core.vector.MusicVector;

/**
 * One served request as the interpreter recorded it.
 *
 * @param inputType rule_prompt (it named catalog parts), request_text, or null when the rules were not consulted
 * @param readings each source's own reading before they were combined
 * @param coverage how familiar the words were to the local model (0-1), or null
 * @param shadow the shadowed candidate's reading, when a candidate was shadowed on this request
 */
public record CapturedRequest(
        @NotNull @Pattern(regexp = "[0-9a-f]{32}", message = "must be a trace id of 32 hex digits") String traceId,
        @NotNull Instant servedAt,
        @NotBlank @Size(max = 8000) String text,
        @NotBlank @Size(max = 16) String language,
        @Pattern(regexp = "request_text|rule_prompt", message = "must be request_text or rule_prompt") String inputType,
        @Size(max = 16) String weather,
        @NotBlank @Size(max = 16) String mode,
        @NotBlank @Size(max = 64) String servedSource,
        @Size(max = 128) String modelVersion,
        @NotNull MusicVector served,
        @NotNull @Size(max = 8) Map<@NotBlank @Size(max = 64) String, @NotNull MusicVector> readings,
        Double coverage,
        @PositiveOrZero double latencyMs,
        @Valid ShadowReading shadow) {
}
