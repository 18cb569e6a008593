package kotone.dataset.training;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A training job as the API shows it. */
public record TrainingJob(UUID id, String datasetId, String status, Progress progress, Map<String, Object> settings,
        Integer modelVersion, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public record Progress(String phase, int done, int total) {
    }
}
