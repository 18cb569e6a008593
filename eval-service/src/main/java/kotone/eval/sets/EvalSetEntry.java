package kotone.eval.sets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An eval set as stored; its items (up to hundreds of thousands) are in eval_item, written and read in bulk beside it. */
@Entity
@Table(name = "eval_set")
public class EvalSetEntry {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "declared_version")
    public String declaredVersion;

    @Column(name = "source_scale", nullable = false)
    public int sourceScale;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Column(nullable = false)
    public String origin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "target_items", nullable = false)
    public int targetItems;

    @Column(name = "check_items", nullable = false)
    public int checkItems;

    static EvalSetEntry of(EvalSet set) {
        EvalSetEntry entry = new EvalSetEntry();
        entry.id = set.id();
        entry.name = set.name();
        entry.declaredVersion = set.declaredVersion();
        entry.sourceScale = set.sourceScale();
        entry.itemCount = set.count();
        entry.origin = set.origin();
        entry.createdAt = Instant.now();
        entry.targetItems = set.targetItems();
        entry.checkItems = set.checkItems();
        return entry;
    }

    EvalSet view() {
        return new EvalSet(id, name, declaredVersion, sourceScale, itemCount, origin, createdAt, targetItems, checkItems);
    }
}
