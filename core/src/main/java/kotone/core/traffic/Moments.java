package kotone.core.traffic;

/**
 * Count, mean and variance of a stream of values, one value at a time (Welford), so a million readings need no list.
 * Not thread-safe: one accumulator per reader.
 */
public final class Moments {

    private long count;
    private double mean;
    private double squaredDeviations;

    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squaredDeviations += delta * (value - mean);
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    /** The sample variance (n - 1), 0 below two values. */
    public double variance() {
        return count < 2 ? 0 : squaredDeviations / (count - 1);
    }
}
