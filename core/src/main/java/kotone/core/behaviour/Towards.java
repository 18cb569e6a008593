package kotone.core.behaviour;

import java.util.Optional;

/** Which side of neutral a stronger wording should push a dimension to. */
public enum Towards {
    LOW("low"),
    HIGH("high");

    private final String key;

    Towards(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** How far a value lies from neutral on this side (negative on the other side). */
    public int deviation(int value) {
        return this == LOW ? 50 - value : value - 50;
    }

    public static Optional<Towards> fromKey(String key) {
        for (Towards towards : values()) {
            if (towards.key.equals(key)) {
                return Optional.of(towards);
            }
        }
        return Optional.empty();
    }
}
