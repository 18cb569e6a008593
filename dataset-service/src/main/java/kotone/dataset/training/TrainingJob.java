package kotone.dataset.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A training job: queued by the API, claimed by one dataset instance, which keeps a heartbeat on it while it trains.
 * A job whose instance stopped reporting is queued again for another.
 */
@Entity
@Table(name = "training_job")
public class TrainingJob {

    public enum Status {
        queued, running, completed, failed
    }

    @Id
    public UUID id;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String phase;

    public int done;

    public int total;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TrainingSettings settings;

    @Column(name = "model_version")
    public Integer modelVersion;

    public String error;

    /** Who asked; the first model is promoted on their behalf when the request said so. */
    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    static TrainingJob queued(String datasetId, TrainingSettings settings, String requestedBy) {
        TrainingJob job = new TrainingJob();
        job.id = UUID.randomUUID();
        job.datasetId = datasetId;
        job.status = Status.queued;
        job.settings = settings;
        job.requestedBy = requestedBy;
        job.createdAt = Instant.now();
        return job;
    }
}
