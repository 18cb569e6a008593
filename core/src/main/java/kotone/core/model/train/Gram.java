package kotone.core.model.train;

import kotone.core.vector.Dimension;

/**
 * The sufficient statistics of weighted least squares over sparse rows: X'WX (upper triangle), X'WY, Y'WY and the
 * weighted sums, accumulated a row at a time. Their size depends on the features, never on the rows, so a dataset of any
 * length is read once as a stream. Statistics of disjoint row sets add up, which gives the folds of cross-validation.
 */
final class Gram {

    private static final int K = Dimension.COUNT;

    final int d;
    final double[] xx;
    final double[] xy;
    final double[] yy = new double[K];
    final double[] xsum;
    final double[] ysum = new double[K];
    double weight;
    long rows;

    Gram(int d) {
        this.d = d;
        this.xx = new double[d * d];
        this.xy = new double[d * K];
        this.xsum = new double[d];
    }

    void add(int[] indices, float[] values, double[] label, double w) {
        int n = indices.length;
        for (int a = 0; a < n; a++) {
            int i = indices[a];
            double wi = w * values[a];
            int rowStart = i * d;
            for (int b = a; b < n; b++) {
                xx[rowStart + indices[b]] += wi * values[b];
            }
            xsum[i] += wi;
            for (int k = 0; k < K; k++) {
                xy[i * K + k] += wi * label[k];
            }
        }
        for (int k = 0; k < K; k++) {
            yy[k] += w * label[k] * label[k];
            ysum[k] += w * label[k];
        }
        weight += w;
        rows++;
    }

    void addAll(Gram other) {
        for (int i = 0; i < xx.length; i++) {
            xx[i] += other.xx[i];
        }
        for (int i = 0; i < xy.length; i++) {
            xy[i] += other.xy[i];
        }
        for (int i = 0; i < d; i++) {
            xsum[i] += other.xsum[i];
        }
        for (int k = 0; k < K; k++) {
            yy[k] += other.yy[k];
            ysum[k] += other.ysum[k];
        }
        weight += other.weight;
        rows += other.rows;
    }

    /** X'WX at (i, j), whichever of the two was accumulated. */
    double xx(int i, int j) {
        return i <= j ? xx[i * d + j] : xx[j * d + i];
    }

    static Gram sum(Gram[] parts, int except) {
        Gram total = new Gram(parts[0].d);
        for (int f = 0; f < parts.length; f++) {
            if (f != except) {
                total.addAll(parts[f]);
            }
        }
        return total;
    }
}
