package kotone.core.model.train;

import kotone.core.vector.Dimension;

/**
 * Ridge regression in the primal, from the folds' sufficient statistics: (X'WX - W·μμ' + W·Λ) w = X'WY - W·μȳ', a
 * system as wide as the active features whatever the number of rows. The intercept is not penalised.
 */
final class PrimalRidge implements RidgeFit {

    private static final int K = Dimension.COUNT;

    private final Gram[] folds;

    PrimalRidge(Gram[] folds) {
        this.folds = folds;
    }

    @Override
    public int folds() {
        return folds.length;
    }

    @Override
    public RidgeSolution fit(int[] active, double[] penalty, int exceptFold) {
        Gram g = Gram.sum(folds, exceptFold);
        int m = active.length;
        double w = g.weight;
        double[] mean = new double[m];
        for (int p = 0; p < m; p++) {
            mean[p] = g.xsum[active[p]] / w;
        }
        double[] labelMean = new double[K];
        for (int k = 0; k < K; k++) {
            labelMean[k] = g.ysum[k] / w;
        }
        double[] a = new double[m * m];
        double[] b = new double[m * K];
        for (int p = 0; p < m; p++) {
            for (int q = p; q < m; q++) {
                double value = g.xx(active[p], active[q]) - w * mean[p] * mean[q] + (p == q ? penalty[active[p]] * w : 0);
                a[p * m + q] = value;
                a[q * m + p] = value;
            }
            for (int k = 0; k < K; k++) {
                b[p * K + k] = g.xy[active[p] * K + k] - w * mean[p] * labelMean[k];
            }
        }
        return RidgeSolution.of(g.d, active, Cholesky.solve(a, m, b, K), mean, labelMean);
    }

    @Override
    public double[] squaredError(RidgeSolution solution, int fold) {
        Gram g = folds[fold];
        double total = 0;
        for (int k = 0; k < K; k++) {
            double[] w = solution.weights()[k];
            double b = solution.intercept()[k];
            double sse = g.yy[k] - 2 * b * g.ysum[k] + b * b * g.weight;
            double cross = 0;
            double linear = 0;
            for (int i = 0; i < g.d; i++) {
                if (w[i] == 0) {
                    continue;
                }
                linear += w[i] * g.xsum[i];
                cross += w[i] * g.xy[i * K + k];
                double row = 0;
                for (int j = 0; j < g.d; j++) {
                    if (w[j] != 0) {
                        row += g.xx(i, j) * w[j];
                    }
                }
                sse += w[i] * row;
            }
            total += sse - 2 * cross + 2 * b * linear;
        }
        return new double[] {total, g.weight};
    }
}
