package kotone.core.annotation;

import java.util.Map;
import kotone.core.vector.MusicVector;

/**
 * A live request that could be put before an annotator.
 *
 * @param group what the queue balances across: the language and input type, such as {@code en/request_text}
 * @param readings each source's reading of it (rule_baseline, local_model, and the candidate when one was shadowed)
 * @param unseenShare the share of its word units the training data lacks (0-1)
 */
public record QueueCandidate(long id, String text, String group, Map<String, MusicVector> readings, double unseenShare) {

    public QueueCandidate {
        readings = Map.copyOf(readings);
    }
}
