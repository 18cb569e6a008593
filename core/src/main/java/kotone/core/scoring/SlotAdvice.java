package kotone.core.scoring;

import java.util.List;
import kotone.core.catalog.Slot;
import kotone.core.vector.Dimension;

/**
 * What to change in one slot: the best swap holding the other three slots fixed, or nothing when the
 * current part is already the best there.
 *
 * @param suggestedPartId {@code null} when the current part should stay
 * @param gain points the swap adds to the total before clamping
 * @param dimension the dimension the swap improves most, or {@code null}
 * @param addedRequiredTags required tags the swap brings in
 * @param removedForbiddenTags forbidden tags the swap takes out
 * @param preferredTag a preferred style or gimmick tag the suggested part carries, or {@code null}
 */
public record SlotAdvice(
        Slot slot,
        String currentPartId,
        String suggestedPartId,
        int gain,
        Dimension dimension,
        int composedBefore,
        int composedAfter,
        int target,
        List<String> addedRequiredTags,
        List<String> removedForbiddenTags,
        String preferredTag) {

    public boolean keep() {
        return suggestedPartId == null;
    }
}
