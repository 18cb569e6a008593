package kotone.dataset.traffic;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import kotone.core.vector.MusicVector;

/** The shadowed candidate's reading of a live request, taken after it was served. */
public record ShadowReading(@NotNull @Positive Integer version, @NotNull MusicVector vector, @PositiveOrZero double latencyMs) {
}
