package kotone.dataset.models;

import jakarta.validation.constraints.Size;

/** Returns to the previous champion; the reason is kept in the history. */
public record RollbackRequest(@Size(max = 1000) String reason) {
}
