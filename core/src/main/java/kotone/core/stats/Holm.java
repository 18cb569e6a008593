package kotone.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for several tests at once (here: the focus dimensions of one eval set). The smallest
 * p-value is multiplied by m, the next by m - 1, and so on, each adjusted value kept at least as large as the one
 * before it and at most 1. Rejecting where the adjusted p-value is below alpha holds the family-wise error at alpha.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order of the given ones. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * The confidence at which each test's interval is read so that the intervals agree with the adjusted decisions:
     * the test of rank k (0 = smallest p) is judged at level alpha / (m - k), two-sided.
     */
    public static double[] intervalConfidences(double[] pValues, double alpha) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] confidences = new double[m];
        for (int rank = 0; rank < m; rank++) {
            confidences[order[rank]] = 1 - alpha / (m - rank);
        }
        return confidences;
    }
}
