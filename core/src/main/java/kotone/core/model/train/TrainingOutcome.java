package kotone.core.model.train;

import java.util.List;
import java.util.Map;
import kotone.core.model.LocalModel;

/** What a training job produced: the model, why its method was chosen, and how it did on valid and test. */
public record TrainingOutcome(LocalModel model, String method, Map<String, Double> lambdas, List<CandidateReport> candidates,
        SplitReport valid, SplitReport test, int trainRows, long trainingMillis) {
}
