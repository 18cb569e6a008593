package kotone.dataset.shadow;

import java.time.Instant;

/** The candidate the interpreter runs beside the champion on live traffic. */
public record ShadowSlot(int version, String setBy, Instant setAt) {
}
