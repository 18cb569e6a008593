package kotone.core.model.train;

import java.util.Map;

/**
 * How one method did: tuned on the valid split, then cross-validated (grouped) on train and valid together.
 *
 * @param latencyMicros mean time to read the features of one text and predict, measured while training
 */
public record CandidateReport(String method, Map<String, Double> lambdas, double validMae, double crossValidatedMae,
        double latencyMicros) {
}
