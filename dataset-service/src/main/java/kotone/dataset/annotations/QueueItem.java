package kotone.dataset.annotations;

import java.time.Instant;
import java.util.Map;
import kotone.core.vector.MusicVector;

/**
 * A live request put before an annotator, with what each source read in it.
 *
 * @param itemId the live request's id: {@code POST /annotations/{itemId}/labels}
 * @param disagreement the largest mean absolute difference between two sources' readings, in points
 * @param novelty the share of its words the training data lacks
 * @param labels how many people labelled it already
 */
public record QueueItem(long itemId, String traceId, Instant servedAt, String text, String language, String inputType, String weather,
        MusicVector served, Map<String, MusicVector> readings, double disagreement, double novelty, double priority, int labels) {
}
