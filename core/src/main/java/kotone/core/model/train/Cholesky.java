package kotone.core.model.train;

/** Solves A x = B for a symmetric positive-definite A (row-major, n x n) and several right-hand sides. */
final class Cholesky {

    private Cholesky() {
    }

    /** @return x, n x m row-major; a and b are not modified */
    static double[] solve(double[] a, int n, double[] b, int m) {
        double[] l = a.clone();
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = l[rowJ + j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[rowJ + k] * l[rowJ + k];
            }
            if (diagonal <= 0) {
                throw new IllegalStateException("matrix is not positive definite");
            }
            double ljj = Math.sqrt(diagonal);
            l[rowJ + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double sum = l[rowI + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[rowI + k] * l[rowJ + k];
                }
                l[rowI + j] = sum / ljj;
            }
        }
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m; c++) {
                double sum = x[i * m + c];
                for (int k = 0; k < i; k++) {
                    sum -= l[i * n + k] * x[k * m + c];
                }
                x[i * m + c] = sum / l[i * n + i];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int c = 0; c < m; c++) {
                double sum = x[i * m + c];
                for (int k = i + 1; k < n; k++) {
                    sum -= l[k * n + i] * x[k * m + c];
                }
                x[i * m + c] = sum / l[i * n + i];
            }
        }
        return x;
    }
}
