package kotone.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;

/** Checks that a submitted selection names one known part of the right slot for each of the four slots. */
public final class SlotIntegrity {

    private final Catalog catalog;

    public SlotIntegrity(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every problem of the selection; empty when it can be scored. */
    public List<SlotError> check(Map<String, String> partIdsBySlot) {
        List<SlotError> errors = new ArrayList<>();
        for (Slot slot : Slot.ALL) {
            String partId = partIdsBySlot.get(slot.key());
            if (partId == null) {
                errors.add(new SlotError(slot.key(), null, SlotError.Kind.MISSING_SLOT,
                        "no part selected for slot " + slot.key()));
                continue;
            }
            Optional<Part> part = catalog.part(partId);
            if (part.isEmpty()) {
                errors.add(new SlotError(slot.key(), partId, SlotError.Kind.UNKNOWN_PART,
                        "unknown part id '" + partId + "'"));
            } else if (part.get().slot() != slot) {
                errors.add(new SlotError(slot.key(), partId, SlotError.Kind.WRONG_SLOT,
                        "part '" + partId + "' belongs to slot " + part.get().slot().key() + ", not " + slot.key()));
            }
        }
        for (String key : partIdsBySlot.keySet()) {
            if (Slot.fromKey(key).isEmpty()) {
                errors.add(new SlotError(key, partIdsBySlot.get(key), SlotError.Kind.UNKNOWN_SLOT,
                        "unknown slot '" + key + "'; slots are style, instrument, mood, gimmick"));
            }
        }
        return errors;
    }

    /** The selection, once {@link #check} found nothing. */
    public Selection toSelection(Map<String, String> partIdsBySlot) {
        List<SlotError> errors = check(partIdsBySlot);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).message());
        }
        return new Selection(partIdsBySlot.get("style"), partIdsBySlot.get("instrument"),
                partIdsBySlot.get("mood"), partIdsBySlot.get("gimmick"));
    }
}
