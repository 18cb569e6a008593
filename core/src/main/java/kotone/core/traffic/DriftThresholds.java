package kotone.core.traffic;

/**
 * Past any of these, live traffic has drifted from the training data.
 *
 * @param languageShift the total variation distance between the two language mixes (0 same mix, 1 disjoint)
 * @param unseenWordShare the share of live word units the training data never had
 * @param effectSize the absolute Cohen's d of a served dimension against the training labels (0.5 is "medium")
 * @param minimumLiveRequests fewer live requests than this decide nothing: the report is made, but raises no alert
 */
public record DriftThresholds(double languageShift, double unseenWordShare, double effectSize, int minimumLiveRequests) {
}
