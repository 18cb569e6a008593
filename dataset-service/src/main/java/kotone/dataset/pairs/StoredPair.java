package kotone.dataset.pairs;

import java.time.Instant;
import java.util.Map;

/** A stored teacher pair with its provenance and lineage, as listed. */
public record StoredPair(long id, String externalId, String requestText, String rulePrompt, String source, String generator, Long seed,
        String teacherModel, Instant generatedAt, Lineage lineage, Map<String, Integer> vector) {
}
