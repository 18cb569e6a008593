package kotone.core.model.train;

import java.util.Map;

/**
 * The model's vector MAE (0-100 scale) on one split: overall, per dimension, per source type and per language,
 * with the MAE of the best constant (the training median) beside it for scale.
 */
public record SplitReport(int rows, double vectorMae, Map<String, Double> maeByDimension, Map<String, Double> maeBySourceType,
        Map<String, Double> maeByLanguage, double constantBaselineMae) {
}
