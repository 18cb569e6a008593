package kotone.eval.runs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** @param modelVersion recorded with the run for history filters (for example the local model version evaluated) */
public record StartRunRequest(@NotBlank String datasetId,
        @NotBlank @Pattern(regexp = "rule_baseline|local_model|prompt_baseline|fine_tuned|auto",
                message = "must be rule_baseline, local_model, prompt_baseline, fine_tuned or auto") String mode,
        String modelVersion) {
}
