package kotone.core.model.train;

import java.util.Map;

/**
 * How one method did: its penalties tuned by grouped cross-validation on the train split, its cross-validated RMSE
 * there, and its serving time per text (from configuration). A method over the latency budget is reported, not fitted.
 *
 * @param crossValidatedRmse null for a method left out
 * @param excluded why the method was left out, or null when it was compared
 */
public record CandidateReport(String method, Map<String, Double> lambdas, Double crossValidatedRmse, double latencyMicros, String excluded) {
}
