package kotone.core.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/** A point in the six-dimension space: integers on 0-100, as everywhere in the API. */
public record MusicVector(int energy, int warmth, int brightness, int acousticness, int complexity, int nostalgia) {

    public static final int MIN = 0;
    public static final int MAX = 100;
    public static final int NEUTRAL = 50;

    /** The largest possible Euclidean distance between two vectors. */
    public static final double MAX_DISTANCE = Math.sqrt(Dimension.COUNT * (double) MAX * MAX);

    public MusicVector {
        requireInRange("energy", energy);
        requireInRange("warmth", warmth);
        requireInRange("brightness", brightness);
        requireInRange("acousticness", acousticness);
        requireInRange("complexity", complexity);
        requireInRange("nostalgia", nostalgia);
    }

    public static MusicVector neutral() {
        return new MusicVector(NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL);
    }

    /** Values in {@link Dimension} order; must hold exactly six values on 0-100. */
    public static MusicVector of(int... values) {
        if (values.length != Dimension.COUNT) {
            throw new IllegalArgumentException("a vector has " + Dimension.COUNT + " values, got " + values.length);
        }
        return new MusicVector(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /** Rounds and clamps each value onto 0-100; for model outputs that are real numbers. */
    public static MusicVector rounded(double... values) {
        if (values.length != Dimension.COUNT) {
            throw new IllegalArgumentException("a vector has " + Dimension.COUNT + " values, got " + values.length);
        }
        int[] ints = new int[Dimension.COUNT];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = clamp(Math.round(values[i]));
        }
        return of(ints);
    }

    public static int clamp(long value) {
        return (int) Math.max(MIN, Math.min(MAX, value));
    }

    public int get(Dimension dimension) {
        return switch (dimension) {
            case ENERGY -> energy;
            case WARMTH -> warmth;
            case BRIGHTNESS -> brightness;
            case ACOUSTICNESS -> acousticness;
            case COMPLEXITY -> complexity;
            case NOSTALGIA -> nostalgia;
        };
    }

    public MusicVector with(Dimension dimension, int value) {
        int[] values = toArray();
        values[dimension.ordinal()] = value;
        return of(values);
    }

    public int[] toArray() {
        return new int[] {energy, warmth, brightness, acousticness, complexity, nostalgia};
    }

    public double distanceTo(MusicVector other) {
        double sum = 0;
        for (Dimension dimension : Dimension.ALL) {
            double diff = get(dimension) - other.get(dimension);
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** The difference between the highest and the lowest value. */
    public int spread() {
        int min = MAX;
        int max = MIN;
        for (int value : toArray()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return max - min;
    }

    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.ALL) {
            map.put(dimension.key(), get(dimension));
        }
        return map;
    }

    private static void requireInRange(String name, int value) {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException(name + " must be within 0-100, got " + value);
        }
    }
}
