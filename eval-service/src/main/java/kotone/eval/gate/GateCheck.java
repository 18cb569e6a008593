package kotone.eval.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kotone.core.gate.GateDecision;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A candidate model judged against the champion on a target eval set and every guard: the one door to promotion.
 * Queued by an admin or by a cycle, run in the background by one eval instance that keeps a heartbeat on it.
 */
@Entity
@Table(name = "eval_gate_check")
public class GateCheck {

    public enum Status {
        queued, running, completed, failed
    }

    @Id
    public UUID id;

    @Column(name = "candidate_version", nullable = false)
    public int candidateVersion;

    @Column(name = "champion_version")
    public Integer championVersion;

    @Column(name = "target_set_id", nullable = false)
    public String targetSetId;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    public Boolean promote;

    @JdbcTypeCode(SqlTypes.JSON)
    public GateDecision decision;

    public String error;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "cycle_n")
    public Integer cycleN;

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

    static GateCheck queued(int candidateVersion, int championVersion, String targetSetId, String mode, String requestedBy, Integer cycleN) {
        GateCheck check = new GateCheck();
        check.id = UUID.randomUUID();
        check.candidateVersion = candidateVersion;
        check.championVersion = championVersion;
        check.targetSetId = targetSetId;
        check.mode = mode;
        check.status = Status.queued;
        check.requestedBy = requestedBy;
        check.cycleN = cycleN;
        check.createdAt = Instant.now();
        return check;
    }
}
