package kotone.core.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * How far people agree where two or more labelled the same item: per dimension Krippendorff's alpha for interval data
 * (1 full agreement, 0 no better than chance) and the mean absolute difference between two labels of one item.
 */
public final class LabelAgreement {

    private LabelAgreement() {
    }

    /**
     * @param items labelled items with two or more labels
     * @param alpha Krippendorff's alpha, or null where the labels do not vary at all (alpha is undefined)
     * @param meanAbsoluteDifference over every pair of labels of one item, in points
     */
    public record DimensionAgreement(String dimension, int items, Double alpha, double meanAbsoluteDifference) {
    }

    /** @param labelsByItem every item's labels; items with fewer than two labels are left out */
    public static List<DimensionAgreement> of(Collection<List<MusicVector>> labelsByItem) {
        List<List<MusicVector>> units = labelsByItem.stream().filter(labels -> labels.size() >= 2).toList();
        List<DimensionAgreement> agreement = new ArrayList<>();
        for (Dimension dimension : Dimension.ALL) {
            double observed = 0;
            double pairDifferences = 0;
            long pairs = 0;
            long values = 0;
            double sum = 0;
            double sumOfSquares = 0;
            for (List<MusicVector> labels : units) {
                double unitSum = 0;
                double unitSquares = 0;
                for (int a = 0; a < labels.size(); a++) {
                    double value = labels.get(a).get(dimension);
                    unitSum += value;
                    unitSquares += value * value;
                    for (int b = a + 1; b < labels.size(); b++) {
                        pairDifferences += Math.abs(value - labels.get(b).get(dimension));
                        pairs++;
                    }
                }
                int m = labels.size();
                observed += 2 * (m * unitSquares - unitSum * unitSum) / (m - 1);
                values += m;
                sum += unitSum;
                sumOfSquares += unitSquares;
            }
            Double alpha = null;
            if (values > 1) {
                double expected = 2 * (values * sumOfSquares - sum * sum) / (values * (double) (values - 1));
                if (expected > 1e-9) {
                    alpha = round(1 - (observed / values) / expected);
                }
            }
            agreement.add(new DimensionAgreement(dimension.key(), units.size(), alpha, pairs == 0 ? 0 : round(pairDifferences / pairs)));
        }
        return agreement;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
