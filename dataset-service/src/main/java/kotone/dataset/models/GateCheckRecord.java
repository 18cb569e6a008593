package kotone.dataset.models;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the registry keeps of a gate check the eval service made: a promotion of the candidate rests on a passed one
 * made against the current champion.
 *
 * @param failingSets the eval sets the candidate failed on, target first
 */
public record GateCheckRecord(UUID checkId, int version, Integer championVersion, String targetSetId, boolean passed, List<String> failingSets,
        Instant decidedAt, Instant recordedAt) {
}
