package kotone.eval.cards;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Measure a registered model version on every guard, for its model card. */
public record StartModelCardRequest(@NotNull @Positive Integer modelVersion) {
}
