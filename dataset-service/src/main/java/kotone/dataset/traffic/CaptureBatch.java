package kotone.dataset.traffic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Records the interpreter sends in one call. */
public record CaptureBatch(@NotNull @Size(max = 5000) List<@Valid @NotNull CapturedRequest> records) {
}
