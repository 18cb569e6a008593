package kotone.core.vector;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/** A part's position in the space; a part may leave some dimensions unspecified. */
public final class PartVector {

    private static final int UNSET = -1;

    private final int[] values;

    private PartVector(int[] values) {
        this.values = values;
    }

    public static PartVector of(Map<Dimension, Integer> values) {
        int[] array = new int[Dimension.COUNT];
        Arrays.fill(array, UNSET);
        values.forEach((dimension, value) -> {
            if (value < MusicVector.MIN || value > MusicVector.MAX) {
                throw new IllegalArgumentException(dimension.key() + " must be within 0-100, got " + value);
            }
            array[dimension.ordinal()] = value;
        });
        return new PartVector(array);
    }

    public boolean has(Dimension dimension) {
        return values[dimension.ordinal()] != UNSET;
    }

    public OptionalInt get(Dimension dimension) {
        int value = values[dimension.ordinal()];
        return value == UNSET ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** The value, or {@code fallback} where the part leaves the dimension unspecified. */
    public int getOrElse(Dimension dimension, int fallback) {
        int value = values[dimension.ordinal()];
        return value == UNSET ? fallback : value;
    }

    public Map<Dimension, Integer> asMap() {
        Map<Dimension, Integer> map = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.ALL) {
            if (has(dimension)) {
                map.put(dimension, values[dimension.ordinal()]);
            }
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartVector that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PartVector" + asMap();
    }
}
