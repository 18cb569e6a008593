package kotone.dataset.training;

import java.time.Instant;
import java.util.UUID;

/**
 * A training job as the API shows it.
 *
 * @param owner the dataset instance training it, while it runs
 * @param attempts how often an instance took it up (more than one: an instance stopped and another took it over)
 */
public record TrainingJobView(UUID id, String datasetId, String status, Progress progress, TrainingSettings settings, Integer modelVersion,
        String error, Instant createdAt, Instant startedAt, Instant finishedAt, String owner, int attempts) {

    public record Progress(String phase, int done, int total) {
    }

    static TrainingJobView of(TrainingJob job) {
        return new TrainingJobView(job.id, job.datasetId, job.status.name(), new Progress(job.phase, job.done, job.total), job.settings,
                job.modelVersion, job.error, job.createdAt, job.startedAt, job.finishedAt, job.claimedBy, job.attempts);
    }
}
