package kotone.core.model.train;

import java.util.ArrayList;
import java.util.List;
import kotone.core.vector.Dimension;

/**
 * Ridge regression in the dual (kernel) form, for a training split with fewer rows than features: with the rows centred
 * and scaled by the square root of their weights (Z) and the penalties Λ, (ZΛ⁻¹Z' + I) α = t and w = Λ⁻¹Z'α, a system
 * as wide as the rows. It gives the same weights as {@link PrimalRidge}.
 */
final class DualRidge implements RidgeFit {

    private static final int K = Dimension.COUNT;

    /** One training row: its sparse features, label, weight and fold. */
    record Row(int[] indices, float[] values, double[] label, double weight, int fold) {
    }

    private final List<Row> rows;
    private final int d;
    private final int folds;

    DualRidge(List<Row> rows, int d, int folds) {
        this.rows = rows;
        this.d = d;
        this.folds = folds;
    }

    @Override
    public int folds() {
        return folds;
    }

    @Override
    public RidgeSolution fit(int[] active, double[] penalty, int exceptFold) {
        List<Row> on = new ArrayList<>();
        for (Row row : rows) {
            if (row.fold() != exceptFold) {
                on.add(row);
            }
        }
        int n = on.size();
        int m = active.length;
        int[] position = new int[d];
        java.util.Arrays.fill(position, -1);
        for (int p = 0; p < m; p++) {
            position[active[p]] = p;
        }
        double w = 0;
        double[] mean = new double[m];
        double[] labelMean = new double[K];
        for (Row row : on) {
            w += row.weight();
            for (int i = 0; i < row.indices().length; i++) {
                int p = position[row.indices()[i]];
                if (p >= 0) {
                    mean[p] += row.weight() * row.values()[i];
                }
            }
            for (int k = 0; k < K; k++) {
                labelMean[k] += row.weight() * row.label()[k];
            }
        }
        for (int p = 0; p < m; p++) {
            mean[p] /= w;
        }
        for (int k = 0; k < K; k++) {
            labelMean[k] /= w;
        }
        // Z: the rows centred and scaled by the square root of their weight; t the labels likewise
        double[] z = new double[n * m];
        double[] t = new double[n * K];
        for (int r = 0; r < n; r++) {
            Row row = on.get(r);
            double scale = Math.sqrt(row.weight());
            for (int p = 0; p < m; p++) {
                z[r * m + p] = -mean[p] * scale;
            }
            for (int i = 0; i < row.indices().length; i++) {
                int p = position[row.indices()[i]];
                if (p >= 0) {
                    z[r * m + p] += row.values()[i] * scale;
                }
            }
            for (int k = 0; k < K; k++) {
                t[r * K + k] = (row.label()[k] - labelMean[k]) * scale;
            }
        }
        double[] inverse = new double[m];
        for (int p = 0; p < m; p++) {
            inverse[p] = 1 / (penalty[active[p]] * w);
        }
        double[] kernel = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int s = r; s < n; s++) {
                double value = 0;
                for (int p = 0; p < m; p++) {
                    value += z[r * m + p] * z[s * m + p] * inverse[p];
                }
                if (r == s) {
                    value += 1;
                }
                kernel[r * n + s] = value;
                kernel[s * n + r] = value;
            }
        }
        double[] alpha = Cholesky.solve(kernel, n, t, K);
        double[] weights = new double[m * K];
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < m; p++) {
                double zp = z[r * m + p] * inverse[p];
                if (zp == 0) {
                    continue;
                }
                for (int k = 0; k < K; k++) {
                    weights[p * K + k] += zp * alpha[r * K + k];
                }
            }
        }
        return RidgeSolution.of(d, active, weights, mean, labelMean);
    }

    @Override
    public double[] squaredError(RidgeSolution solution, int fold) {
        double total = 0;
        double weight = 0;
        for (Row row : rows) {
            if (row.fold() != fold) {
                continue;
            }
            for (int k = 0; k < K; k++) {
                double error = solution.predict(k, row.indices(), row.values()) - row.label()[k];
                total += row.weight() * error * error;
            }
            weight += row.weight();
        }
        return new double[] {total, weight};
    }
}
