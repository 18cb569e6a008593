package kotone.core.catalog;

import java.util.List;
import java.util.Optional;

/** The four places of a composition; each holds one part. */
public enum Slot {
    STYLE("style"),
    INSTRUMENT("instrument"),
    MOOD("mood"),
    GIMMICK("gimmick");

    public static final List<Slot> ALL = List.of(values());

    private final String key;

    Slot(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Slot> fromKey(String key) {
        for (Slot slot : ALL) {
            if (slot.key.equals(key)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }
}
