package kotone.core.dataset;

import java.util.List;
import java.util.Map;

/**
 * What the quality filter did: rows in, rows kept, and per rule how many it dropped with a few examples.
 */
public record FilterReport(int considered, int kept, Map<String, Integer> droppedByRule, Map<String, List<String>> examples) {
}
