package kotone.core.vector;

import java.util.List;
import java.util.Optional;

/** The six hidden dimensions every request and every part is described by, each on 0-100. */
public enum Dimension {
    ENERGY("energy"),
    WARMTH("warmth"),
    BRIGHTNESS("brightness"),
    ACOUSTICNESS("acousticness"),
    COMPLEXITY("complexity"),
    NOSTALGIA("nostalgia");

    public static final List<Dimension> ALL = List.of(values());
    public static final int COUNT = ALL.size();

    private final String key;

    Dimension(String key) {
        this.key = key;
    }

    /** The name used in JSON and in the original report. */
    public String key() {
        return key;
    }

    public static Optional<Dimension> fromKey(String key) {
        for (Dimension dimension : ALL) {
            if (dimension.key.equals(key)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }
}
