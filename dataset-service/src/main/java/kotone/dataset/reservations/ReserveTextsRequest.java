package kotone.dataset.reservations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** @param textKeys the SHA-256 keys of an eval set's normalised texts (see kotone.core.text.TextKey) */
public record ReserveTextsRequest(
        @NotNull @Size(max = 2_000_000) List<@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 key in lower-case hex") String> textKeys) {
}
