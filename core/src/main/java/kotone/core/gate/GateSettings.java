package kotone.core.gate;

/**
 * How the promotion gate judges.
 *
 * @param maeMargin how much worse a guard's vector MAE may be at the worse end of its interval
 * @param passRateMargin the same for a guard's expectation pass rate, as a share (0.02 is two points)
 * @param alpha the error rate of the intervals: 0.05 gives 95% intervals
 * @param resamples bootstrap resamples per interval
 * @param seed the bootstrap's seed; the A/A calibration uses another
 * @param minJsonValidRate the candidate's share of valid answers on the target must reach this
 */
public record GateSettings(double maeMargin, double passRateMargin, double alpha, int resamples, long seed, double minJsonValidRate) {

    public static GateSettings defaults() {
        return new GateSettings(0.5, 0.02, 0.05, 2000, 20261203L, 0.98);
    }

    public double margin(GateMetric metric) {
        return metric == GateMetric.VECTOR_MAE ? maeMargin : passRateMargin;
    }

    /** The A/A calibration's bootstrap seed: another than the gate's. */
    public long calibrationSeed() {
        return seed ^ 0x5DEECE66DL;
    }
}
