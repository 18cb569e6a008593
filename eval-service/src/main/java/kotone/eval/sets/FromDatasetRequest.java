package kotone.eval.sets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** An eval set made of a dataset version's split: usually its held-out test split, a guard no cycle trains on. */
public record FromDatasetRequest(@NotBlank String datasetId,
        @NotBlank @Pattern(regexp = "train|valid|test", message = "must be train, valid or test") String split) {
}
