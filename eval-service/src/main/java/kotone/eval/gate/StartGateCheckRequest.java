package kotone.eval.gate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Asks for a registered model version to be judged against the champion.
 *
 * @param datasetId the target eval set: the candidate must improve on it; every guard is judged too
 */
public record StartGateCheckRequest(@NotNull @Positive Integer candidateVersion, @NotBlank String datasetId) {
}
