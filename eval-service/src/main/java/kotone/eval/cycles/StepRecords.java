package kotone.eval.cycles;

import java.util.List;
import kotone.core.metrics.MetricsSummary;
import java.util.UUID;
import kotone.core.gate.GateDecision;
import kotone.eval.clients.DatasetApi;

/** What each step of a cycle takes and gives, as the cycle's history keeps them. */
final class StepRecords {

    private StepRecords() {
    }

    /** A model's run on the cycle's target. */
    record Evaluate(String datasetId, Integer modelVersion) {
    }

    record EvaluateOutputs(UUID runId, MetricsSummary metrics) {
    }

    record Analyse(UUID runId, int topK) {
    }

    record Augment(List<String> focusDimensions, int hardCases) {
    }

    /** @param replayed null when there was no hard case with a target to replay */
    record AugmentOutputs(DatasetApi.ImportSummary focused, DatasetApi.ImportSummary replayed) {
    }

    record Split(long seed) {
    }

    record Train(String datasetId) {
    }

    record Gate(List<String> focusDimensions, int setAside, List<String> guards) {
    }

    record GateOutputs(UUID gateCheckId, GateDecision decision) {
    }

    record Card(int modelVersion) {
    }

    record CardOutputs(String status, int guards) {
    }

    record Decide(int candidateVersion) {
    }
}
