package kotone.eval.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kotone.core.metrics.MetricsSummary;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A run as stored: what it asks, its progress, and its metrics once complete. Its chunks (the claimable units of work)
 * and its samples are written beside it in bulk, and claimed with SKIP LOCKED.
 */
@Entity
@Table(name = "eval_run")
public class RunEntry {

    @Id
    public UUID id;

    @Column(name = "set_id", nullable = false)
    public String setId;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public String status;

    public int done;

    public int total;

    @Column(name = "model_version")
    public String modelVersion;

    @Column(name = "price_table_version", nullable = false)
    public String priceTableVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public MetricsSummary metrics;

    @JdbcTypeCode(SqlTypes.JSON)
    public RunSlices slices;

    public String error;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "origin_traceparent")
    public String originTraceparent;

    @Column(name = "item_order_seed")
    public Long itemOrderSeed;

    @Column(name = "waiting_on")
    public String waitingOn;

    @Column(name = "waiting_reason")
    public String waitingReason;

    @Column(name = "waiting_since")
    public Instant waitingSince;

    EvalRun view() {
        return new EvalRun(id, setId, mode, status, new EvalRun.Progress(done, total), modelVersion, priceTableVersion, metrics, slices, error,
                createdAt, startedAt, finishedAt, itemOrderSeed, waitingOn == null ? null : new EvalRun.Waiting(waitingOn, waitingReason, waitingSince));
    }
}
