package kotone.core.model.train;

import java.util.List;

/**
 * The knobs of a training job.
 *
 * @param hashBits width of the n-gram hash space (2^hashBits buckets)
 * @param partLambdas ridge penalties tried for the part-id features
 * @param ngramLambdas ridge penalties tried for the n-gram features
 * @param embeddingLambdas ridge penalties tried for the embedding features
 * @param folds grouped cross-validation folds used to compare methods
 * @param maeTolerance methods whose cross-validated MAE is within this of the best count as tied; the fastest wins
 * @param seed for the fold assignment
 * @param maxRows the kernel solver holds an n x n matrix per feature group: larger datasets are refused
 * @param latencyBudgetMicros methods slower than this per text (features and prediction) are chosen only when none is faster;
 *        the interpreter serves the model on its hot path
 */
public record TrainerSettings(int hashBits, List<Double> partLambdas, List<Double> ngramLambdas, List<Double> embeddingLambdas,
        int folds, double maeTolerance, long seed, int maxRows, double latencyBudgetMicros) {

    public TrainerSettings {
        partLambdas = List.copyOf(partLambdas);
        ngramLambdas = List.copyOf(ngramLambdas);
        embeddingLambdas = List.copyOf(embeddingLambdas);
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2");
        }
    }

    public static TrainerSettings defaults() {
        return new TrainerSettings(14, List.of(0.3, 1.0, 3.0), List.of(1.0, 10.0, 100.0), List.of(0.3, 3.0, 30.0), 5, 0.05, 7L, 6000, 5000);
    }
}
