package kotone.core.model.train;

import java.util.List;
import java.util.Map;

/**
 * The knobs of a training job.
 *
 * @param hashBits width of the n-gram hash space (2^hashBits buckets)
 * @param ruleLambdas ridge penalties tried for the rules' features (per row of weight: a penalty of λ·n)
 * @param partLambdas the same for the part-id features
 * @param ngramLambdas the same for the n-gram features
 * @param embeddingLambdas the same for the embedding
 * @param folds grouped cross-validation folds on the train split, for tuning and for comparing methods
 * @param rmseTolerance methods whose cross-validated RMSE is within this of the best count as tied; the fastest wins
 * @param seed for the fold assignment
 * @param maxRows a job with more training rows is refused, naming this cap (set from the measured training time)
 * @param latencyBudgetMicros a method whose serving time per text (features and prediction, from methodLatencyMicros)
 *        is above this is left out; the interpreter serves the model on the game's hot path
 * @param methodLatencyMicros serving time per text of each method, measured by JMH and kept in configuration, so the
 *        same data always gives the same model (never timed during a job)
 * @param sourceWeights the weight of each source type's rows in the fit (1 when absent): a source type whose texts do
 *        not explain its labels counts less
 * @param combinationStep the grid step of the auto combination's rule shares
 */
public record TrainerSettings(int hashBits, List<Double> ruleLambdas, List<Double> partLambdas, List<Double> ngramLambdas,
        List<Double> embeddingLambdas, int folds, double rmseTolerance, long seed, int maxRows, double latencyBudgetMicros,
        Map<String, Double> methodLatencyMicros, Map<String, Double> sourceWeights, double combinationStep) {

    public TrainerSettings {
        ruleLambdas = List.copyOf(ruleLambdas);
        partLambdas = List.copyOf(partLambdas);
        ngramLambdas = List.copyOf(ngramLambdas);
        embeddingLambdas = List.copyOf(embeddingLambdas);
        methodLatencyMicros = Map.copyOf(methodLatencyMicros);
        sourceWeights = Map.copyOf(sourceWeights);
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2");
        }
    }

    /** Serving times per method from the JMH figures in docs/BENCHMARKS.md (features, rules and prediction, p99). */
    public static Map<String, Double> measuredLatencyMicros() {
        return Map.of("stacked", 64.0, "rules", 39.0, "ngram", 60.0, "embedding", 3500.0, "ngram+embedding", 3500.0, "stacked+embedding", 3550.0);
    }

    public static TrainerSettings defaults() {
        return new TrainerSettings(9, List.of(1e-5, 1e-4, 1e-3, 1e-2), List.of(1e-4, 1e-3, 1e-2, 1e-1), List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0),
                List.of(1e-3, 1e-2, 1e-1), 3, 0.05, 7L, 2_000_000, 500, measuredLatencyMicros(), Map.of(), 0.1);
    }

    public TrainerSettings withSourceWeights(Map<String, Double> weights) {
        return new TrainerSettings(hashBits, ruleLambdas, partLambdas, ngramLambdas, embeddingLambdas, folds, rmseTolerance, seed, maxRows,
                latencyBudgetMicros, methodLatencyMicros, weights, combinationStep);
    }

    public double latency(Method method) {
        return methodLatencyMicros.getOrDefault(method.key(), Double.MAX_VALUE);
    }

    public double weight(String sourceType) {
        return sourceWeights.getOrDefault(sourceType, 1.0);
    }
}
