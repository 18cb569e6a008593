package kotone.dataset.models;

import java.util.List;
import java.util.Map;
import kotone.core.model.train.CandidateReport;
import kotone.core.model.train.SplitReport;
import kotone.core.model.train.TrainingOutcome;

/** The parts of a model card a training job writes. */
public final class ModelCard {

    private ModelCard() {
    }

    /**
     * @param lambdas the penalty of each feature group, tuned by cross-validation
     * @param outputStep the grid the predictions are rounded to
     * @param sourceWeights the weight of each source type's rows (the consistency audit's down-weighting)
     */
    public record Hyperparameters(Map<String, Double> lambdas, int outputStep, int hashBits, int folds, long seed, int trainRows,
            double latencyBudgetMicros, Map<String, Double> sourceWeights) {
    }

    /** What the model reads of a text, in words; the part ids and the vocabulary as counts. */
    public record Features(String rules, int partIds, String ngrams, String embedding, int vocabulary) {
    }

    /**
     * @param test the local model on the held-out test split
     * @param testByMode the test split read by "local", "rules" and "auto"
     * @param candidates every method compared, with its cross-validated error and serving time
     */
    public record Metrics(SplitReport test, SplitReport valid, Map<String, SplitReport> testByMode, TrainingOutcome.CombinationReport combination,
            List<CandidateReport> candidates) {
    }
}
