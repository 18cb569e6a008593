package kotone.dataset.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of the promoted version, as stored. */
@Entity
@Table(name = "model_alias_move")
public class AliasMoveEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int version;

    @Column(name = "previous_version")
    public Integer previousVersion;

    @Column(nullable = false)
    public String kind;

    @Column(name = "moved_by", nullable = false)
    public String movedBy;

    @Column(nullable = false)
    public String reason;

    @Column(name = "gate_check_id")
    public UUID gateCheckId;

    @Column(name = "moved_at", nullable = false)
    public Instant movedAt;

    static AliasMoveEntry of(int version, Integer previousVersion, ModelRepository.NewMove move) {
        AliasMoveEntry entry = new AliasMoveEntry();
        entry.version = version;
        entry.previousVersion = previousVersion;
        entry.kind = move.kind();
        entry.movedBy = move.movedBy();
        entry.reason = move.reason();
        entry.gateCheckId = move.gateCheckId();
        entry.movedAt = Instant.now();
        return entry;
    }

    AliasMove view() {
        return new AliasMove(id, version, previousVersion, kind, movedBy, reason, gateCheckId, movedAt);
    }
}
