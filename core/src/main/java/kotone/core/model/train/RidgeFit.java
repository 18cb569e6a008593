package kotone.core.model.train;

/**
 * Fits ridge regression with a penalty per feature on all training folds but one, and measures the squared error on
 * that fold: grouped cross-validation. Two paths give the same solution: the primal solves a system as wide as the
 * features, the dual (the kernel form) one as wide as the rows, so the smaller one is used.
 */
interface RidgeFit {

    /** @param exceptFold the fold left out, or -1 to fit on every fold */
    RidgeSolution fit(int[] active, double[] penalty, int exceptFold);

    /** The weighted squared error summed over the dimensions on one fold, and that fold's weight. */
    double[] squaredError(RidgeSolution solution, int fold);

    int folds();
}
