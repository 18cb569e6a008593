package kotone.core.model.train;

import java.util.List;
import java.util.Map;
import kotone.core.model.LocalModel;

/**
 * What a training job produced: the model (with its auto combination), why its method was chosen, how it did on valid
 * and test, and on test how the rules, the local model and auto each did.
 *
 * @param testByMode the test split's report for "rules", "local" and "auto"
 * @param combination how the auto combination was fitted: validation MAE and development-suite pass rates per source
 */
public record TrainingOutcome(LocalModel model, String method, Map<String, Double> lambdas, List<CandidateReport> candidates,
        SplitReport valid, SplitReport test, Map<String, SplitReport> testByMode, CombinationReport combination, int trainRows,
        long trainingMillis) {

    /**
     * @param validMae on the validation split, the MAE of "local", "rules" and "auto"
     * @param suitePassRate per language, the development suite's pass rate of "local", "rules" and "auto"
     * @param shares the rules' share per language, input type and dimension, in words
     */
    public record CombinationReport(Map<String, Double> validMae, Map<String, Map<String, Double>> suitePassRate, List<String> shares) {
    }
}
