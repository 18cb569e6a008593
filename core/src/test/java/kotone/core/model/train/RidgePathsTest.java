package kotone.core.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import kotone.core.vector.Dimension;
import org.junit.jupiter.api.Test;

/** The primal (sufficient statistics) and the dual (kernel) paths give the same ridge regression on a small problem. */
class RidgePathsTest {

    private static final int D = 40;
    private static final int FOLDS = 3;

    @Test
    void primalAndDualAgreeOnEveryFoldAndOnAllRows() {
        Random random = new Random(5);
        Gram[] grams = new Gram[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            grams[f] = new Gram(D);
        }
        List<DualRidge.Row> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            TreeMap<Integer, Float> features = new TreeMap<>();
            for (int k = 0; k < 6; k++) {
                features.put(random.nextInt(D), (float) random.nextGaussian());
            }
            int[] indices = features.keySet().stream().mapToInt(Integer::intValue).toArray();
            float[] values = new float[indices.length];
            for (int i = 0; i < indices.length; i++) {
                values[i] = features.get(indices[i]);
            }
            double[] label = new double[Dimension.COUNT];
            for (int d = 0; d < label.length; d++) {
                label[d] = 50 + 20 * random.nextGaussian();
            }
            double weight = r % 4 == 0 ? 0.25 : 1;
            int fold = r % FOLDS;
            grams[fold].add(indices, values, label, weight);
            rows.add(new DualRidge.Row(indices, values, label, weight, fold));
        }
        int[] active = java.util.stream.IntStream.range(0, D).filter(i -> i != 7).toArray();
        double[] penalty = new double[D];
        for (int i = 0; i < D; i++) {
            penalty[i] = i < 10 ? 0.05 : 0.5;
        }
        PrimalRidge primal = new PrimalRidge(grams);
        DualRidge dual = new DualRidge(rows, D, FOLDS);
        for (int except = -1; except < FOLDS; except++) {
            RidgeSolution a = primal.fit(active, penalty, except);
            RidgeSolution b = dual.fit(active, penalty, except);
            for (int d = 0; d < Dimension.COUNT; d++) {
                assertThat(a.intercept()[d]).isCloseTo(b.intercept()[d], within(1e-7));
                for (int i = 0; i < D; i++) {
                    assertThat(a.weights()[d][i]).as("dimension %d feature %d without fold %d", d, i, except).isCloseTo(b.weights()[d][i], within(1e-7));
                }
            }
            if (except >= 0) {
                assertThat(primal.squaredError(a, except)[0]).isCloseTo(dual.squaredError(b, except)[0], within(1e-5));
            }
        }
    }
}
