package kotone.core.stats;

/** A two-sided interval of a change, [low, high]. */
public record Interval(double low, double high) {

    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("an interval needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    public boolean covers(double value) {
        return low <= value && value <= high;
    }

    public double[] asArray() {
        return new double[] {low, high};
    }
}
