package kotone.dataset.shadow;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** @param version a registered model version that is not the promoted one */
public record ShadowRequest(@NotNull @Positive Integer version) {
}
