package kotone.dataset.models;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The eval service tells the registry the outcome of a gate check of a candidate version. */
public record RecordGateCheckRequest(@NotNull UUID checkId, Integer championVersion, @NotBlank String targetSetId, @NotNull Boolean passed,
        @Size(max = 1000) List<String> failingSets, @NotNull Instant decidedAt) {
}
