package kotone.eval.cycles;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * @param datasetId the eval set both models are evaluated on
 * @param augmentPairs new catalog-teacher pairs aimed at the focus dimensions (default from configuration)
 * @param seed for augmentation and the new split (default: the time)
 */
public record StartCycleRequest(@NotBlank String datasetId, @Min(0) @Max(100_000) Integer augmentPairs, Long seed) {
}
