package kotone.eval.cycles;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cycle as the API shows it: each step with its inputs, outputs and time (in the list, without steps), the gate's
 * decision and the gate check it rests on.
 *
 * @param datasetId the target eval set
 * @param owner the eval instance running it (its heartbeat keeps it alive)
 */
public record CycleView(int n, String datasetId, String status, Integer promotedVersion, Integer candidateVersion, List<String> focusDimensions,
        CycleDecision decision, String failedStep, String error, CycleSettings settings, Instant startedAt, Instant finishedAt, String requestedBy,
        UUID gateCheckId, String owner, List<Step> steps) {

    public record Step(int step, String name, String status, JsonNode inputs, JsonNode outputs, String error, Instant startedAt,
            Instant finishedAt, Long durationMs) {

        static Step of(CycleStep step) {
            return new Step(step.key.stepNo(), step.name, step.status.name(), step.inputs, step.outputs, step.error, step.startedAt,
                    step.finishedAt, step.finishedAt == null ? null : step.finishedAt.toEpochMilli() - step.startedAt.toEpochMilli());
        }
    }

    static CycleView of(Cycle cycle, List<Step> steps) {
        return new CycleView(cycle.n, cycle.setId, cycle.status.name(), cycle.promotedVersion, cycle.candidateVersion,
                cycle.focusDimensions == null ? null : List.of(cycle.focusDimensions), cycle.decision, cycle.failedStep, cycle.error,
                cycle.settings, cycle.startedAt, cycle.finishedAt, cycle.requestedBy, cycle.gateCheckId, cycle.claimedBy, steps);
    }
}
