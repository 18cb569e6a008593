package kotone.eval.guards;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registers an eval set as a guard.
 *
 * @param note why the set guards promotions ("behavioural suite", "held-out teacher data"), shown with it
 */
public record RegisterGuardRequest(@NotBlank String datasetId, @Size(max = 500) String note) {
}
