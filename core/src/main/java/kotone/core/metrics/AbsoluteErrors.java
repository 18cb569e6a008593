package kotone.core.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/** Accumulates absolute errors between predicted and target vectors: the mean overall and per dimension. */
public final class AbsoluteErrors {

    private final double[] sums = new double[Dimension.COUNT];
    private long count;

    public void add(MusicVector predicted, MusicVector target) {
        for (Dimension dimension : Dimension.ALL) {
            sums[dimension.ordinal()] += Math.abs(predicted.get(dimension) - target.get(dimension));
        }
        count++;
    }

    public long count() {
        return count;
    }

    /** Mean absolute error over every dimension of every pair; NaN when nothing was added. */
    public double mean() {
        double total = 0;
        for (double sum : sums) {
            total += sum;
        }
        return count == 0 ? Double.NaN : total / (count * Dimension.COUNT);
    }

    public double mean(Dimension dimension) {
        return count == 0 ? Double.NaN : sums[dimension.ordinal()] / count;
    }

    public Map<String, Double> byDimension() {
        Map<String, Double> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.ALL) {
            byDimension.put(dimension.key(), mean(dimension));
        }
        return byDimension;
    }
}
