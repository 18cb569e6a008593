package kotone.dataset.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A gate check the eval service made of a candidate, as the registry keeps it. */
@Entity
@Table(name = "model_gate_check")
public class GateCheckEntry {

    @Id
    @Column(name = "check_id")
    public UUID checkId;

    @Column(nullable = false)
    public int version;

    @Column(name = "champion_version")
    public Integer championVersion;

    @Column(name = "target_set_id", nullable = false)
    public String targetSetId;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "failing_sets", nullable = false)
    public String[] failingSets;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    GateCheckRecord view() {
        return new GateCheckRecord(checkId, version, championVersion, targetSetId, passed, List.of(failingSets), decidedAt, recordedAt);
    }
}
