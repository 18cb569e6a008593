package kotone.core.gate;

/**
 * What two models scored on the same units of one eval set, unit by unit: an item's absolute error, or a behavioural
 * check's 1 (passed) or 0.
 */
public record PairedUnits(double[] champion, double[] candidate) {

    public PairedUnits {
        if (champion.length != candidate.length) {
            throw new IllegalArgumentException("paired units need as many champion as candidate values");
        }
    }

    public int size() {
        return champion.length;
    }

    /** Candidate minus champion, unit by unit. */
    public double[] differences() {
        double[] differences = new double[champion.length];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = candidate[i] - champion[i];
        }
        return differences;
    }

    public double championMean() {
        return mean(champion);
    }

    public double candidateMean() {
        return mean(candidate);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
