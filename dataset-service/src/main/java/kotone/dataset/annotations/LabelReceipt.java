package kotone.dataset.annotations;

import java.util.Map;
import kotone.core.vector.MusicVector;

/**
 * A stored label and the teacher pair it became.
 *
 * @param pairId the teacher pair (source {@code human}); a label with the same content as one stored already shares its pair
 * @param differenceFromSources per source, the mean absolute difference of the label from its reading, in points
 */
public record LabelReceipt(long labelId, long itemId, String annotator, MusicVector vector, long pairId, Map<String, Double> differenceFromSources) {
}
