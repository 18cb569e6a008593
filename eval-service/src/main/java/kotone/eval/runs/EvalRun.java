package kotone.eval.runs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run as the API shows it. */
public record EvalRun(UUID id, String datasetId, String mode, String status, Progress progress, String modelVersion,
        String priceTableVersion, Map<String, Object> metrics, Map<String, Object> slices, String error, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    public record Progress(int done, int total) {
    }
}
