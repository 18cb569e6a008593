package kotone.eval.cycles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An improvement cycle: its target, the two versions, the focus, the gate's decision, and the eval instance that runs
 * it with its heartbeat. One runs at a time (a unique index on running cycles).
 */
@Entity
@Table(name = "eval_cycle")
public class Cycle {

    public enum Status {
        running, promoted, rejected, failed
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cycles")
    @SequenceGenerator(name = "cycles", sequenceName = "eval_cycle_seq", allocationSize = 1)
    public Integer n;

    @Column(name = "set_id", nullable = false)
    public String setId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "promoted_version")
    public Integer promotedVersion;

    @Column(name = "candidate_version")
    public Integer candidateVersion;

    @Column(name = "focus_dimensions")
    public String[] focusDimensions;

    @JdbcTypeCode(SqlTypes.JSON)
    public CycleDecision decision;

    @Column(name = "failed_step")
    public String failedStep;

    public String error;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CycleSettings settings;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "gate_check_id")
    public UUID gateCheckId;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    static Cycle running(String setId, CycleSettings settings, String requestedBy, String instance) {
        Cycle cycle = new Cycle();
        cycle.setId = setId;
        cycle.status = Status.running;
        cycle.settings = settings;
        cycle.requestedBy = requestedBy;
        cycle.claimedBy = instance;
        cycle.startedAt = Instant.now();
        cycle.heartbeatAt = cycle.startedAt;
        return cycle;
    }
}
