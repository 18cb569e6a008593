package kotone.core.traffic;

import java.util.List;
import java.util.Map;

/**
 * Live traffic against the training data.
 *
 * @param decides whether there was enough to decide: at least the thresholds' minimum of live requests, and training data
 * @param alerts one sentence per measure past its threshold; empty when nothing drifted, and always empty when the report
 *        does not decide
 */
public record DriftReport(long liveRequests, long trainingRows, LanguageMix languages, Words words, List<DimensionShift> dimensions,
        DriftThresholds thresholds, boolean decides, List<String> alerts) {

    /** @param shift the total variation distance between the two mixes */
    public record LanguageMix(Map<String, Double> live, Map<String, Double> training, double shift) {
    }

    /** @param unseenShare the share of live word units the training vocabulary lacks */
    public record Words(long liveUnits, long unseenUnits, double unseenShare, int trainingVocabulary) {
    }

    /** @param effectSize Cohen's d of the served values against the training labels, positive when live is higher */
    public record DimensionShift(String dimension, double liveMean, double trainingMean, double effectSize) {
    }

    public boolean drifted() {
        return !alerts.isEmpty();
    }
}
