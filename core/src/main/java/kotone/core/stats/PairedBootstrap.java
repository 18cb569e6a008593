package kotone.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paired bootstrap of a mean change: each unit (an eval item, or one behavioural check) was answered by both
 * models, so its difference (candidate minus champion) carries the pairing; resampling units with replacement
 * gives the distribution of the mean difference. Percentile intervals, and one-sided p-values for the change being
 * at or above, or at or below, zero. Seeded: the same differences and seed give the same answer.
 */
public final class PairedBootstrap {

    private final int resamples;

    public PairedBootstrap(int resamples) {
        if (resamples < 100) {
            throw new IllegalArgumentException("a bootstrap needs at least 100 resamples, got " + resamples);
        }
        this.resamples = resamples;
    }

    /**
     * @param mean the observed mean difference
     * @param sortedMeans the resampled means, sorted
     */
    public record Result(int units, double mean, double[] sortedMeans) {

        /** The percentile interval at this confidence (0.95 for a 95% interval). */
        public Interval interval(double confidence) {
            if (units == 0) {
                return new Interval(0, 0);
            }
            double tail = (1 - confidence) / 2;
            return new Interval(quantile(tail), quantile(1 - tail));
        }

        /** One-sided p-value for "the change is not below zero": small when the change is clearly negative. */
        public double pNotBelowZero() {
            return pValue(true);
        }

        /** One-sided p-value for "the change is not above zero": small when the change is clearly positive. */
        public double pNotAboveZero() {
            return pValue(false);
        }

        private double pValue(boolean atOrAbove) {
            if (units == 0) {
                return 1;
            }
            int count = 0;
            for (double m : sortedMeans) {
                if (atOrAbove ? m >= 0 : m <= 0) {
                    count++;
                }
            }
            return (count + 1.0) / (sortedMeans.length + 1.0);
        }

        /** Nearest-rank quantile of the resampled means (type 1 in Hyndman and Fan's list). */
        double quantile(double p) {
            int rank = (int) Math.ceil(p * sortedMeans.length);
            return sortedMeans[Math.min(sortedMeans.length - 1, Math.max(0, rank - 1))];
        }
    }

    /** @param differences one difference per unit, candidate minus champion */
    public Result run(double[] differences, long seed) {
        int n = differences.length;
        double mean = 0;
        for (double difference : differences) {
            mean += difference;
        }
        mean = n == 0 ? 0 : mean / n;
        double[] means = new double[resamples];
        if (n > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int r = 0; r < resamples; r++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += differences[random.nextInt(n)];
                }
                means[r] = sum / n;
            }
            Arrays.sort(means);
        }
        return new Result(n, mean, means);
    }
}
