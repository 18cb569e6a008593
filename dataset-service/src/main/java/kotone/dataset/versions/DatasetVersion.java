package kotone.dataset.versions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An immutable dataset version: its id is a hash of its rows and their splits. */
public record DatasetVersion(String id, long seed, Map<String, Object> shares, Map<String, Object> filterSettings,
        Map<String, Object> filterReport, Map<String, Object> stats, int pairCount, int rowCount, List<String> sources,
        Instant createdAt) {
}
