package kotone.core.model.train;

import kotone.core.vector.Dimension;

/**
 * A fitted ridge regression over the full feature space: weights per dimension (0 for features the method leaves out)
 * and the intercepts.
 *
 * @param weights [dimension][feature]
 */
record RidgeSolution(double[][] weights, double[] intercept) {

    double predict(int dimension, int[] indices, float[] values) {
        double sum = intercept[dimension];
        double[] w = weights[dimension];
        for (int i = 0; i < indices.length; i++) {
            sum += w[indices[i]] * values[i];
        }
        return sum;
    }

    static RidgeSolution of(int d, int[] active, double[] weightsByActive, double[] mean, double[] labelMean) {
        double[][] weights = new double[Dimension.COUNT][d];
        double[] intercept = labelMean.clone();
        for (int p = 0; p < active.length; p++) {
            for (int k = 0; k < Dimension.COUNT; k++) {
                double w = weightsByActive[p * Dimension.COUNT + k];
                weights[k][active[p]] = w;
                intercept[k] -= mean[p] * w;
            }
        }
        return new RidgeSolution(weights, intercept);
    }
}
