package kotone.eval.gate;

import java.time.Instant;
import java.util.UUID;
import kotone.core.gate.GateDecision;

/**
 * A gate check as the API shows it.
 *
 * @param datasetId the target eval set
 * @param decision the gate's decision (promote, reasons, target, guards) once it was made
 * @param cycle the improvement cycle that asked, or null for a check an admin asked for
 */
public record GateCheckView(UUID id, String status, int candidateVersion, Integer championVersion, String datasetId, String mode,
        Boolean promote, GateDecision decision, String error, String requestedBy, Integer cycle, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    static GateCheckView of(GateCheck check) {
        return new GateCheckView(check.id, check.status.name(), check.candidateVersion, check.championVersion, check.targetSetId, check.mode,
                check.promote, check.decision, check.error, check.requestedBy, check.cycleN, check.createdAt, check.startedAt, check.finishedAt);
    }
}
