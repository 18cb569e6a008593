package kotone.eval.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import kotone.core.metrics.MetricsSummary;
import java.util.UUID;

/**
 * A run as the API shows it.
 *
 * @param slices the metrics by source type and by language: in a run's own view once it completed, left out of history
 *     pages and the summary (they are four fifths of a run's JSON)
 * @param itemOrderSeed set when the run asks its items in a shuffled order (the gate's A/A calibration), else null
 * @param waiting set while the run waits for a dependency that is down, else null
 */
public record EvalRun(UUID id, String datasetId, String mode, String status, Progress progress, String modelVersion,
        String priceTableVersion, MetricsSummary metrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) RunSlices slices, String error, Instant createdAt,
        Instant startedAt, Instant finishedAt, Long itemOrderSeed, Waiting waiting) {

    public record Progress(int done, int total) {
    }

    /** @param dependency the service the run waits for; since when, and what the last call met */
    public record Waiting(String dependency, String reason, Instant since) {
    }
}
