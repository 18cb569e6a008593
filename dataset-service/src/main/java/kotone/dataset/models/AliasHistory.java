package kotone.dataset.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every move of the promoted version, and the gate checks promotions rest on. */
@ApplicationScoped
public class AliasHistory {

    private final EntityManager entities;

    public AliasHistory(EntityManager entities) {
        this.entities = entities;
    }

    /** The moves, newest first. */
    @Transactional
    public List<AliasMove> moves(int limit, int offset) {
        return entities.createQuery("from AliasMoveEntry order by id desc", AliasMoveEntry.class).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(AliasMoveEntry::view).toList();
    }

    /**
     * The champion before the current one: the version the current champion's move replaced, walking back past the
     * versions that were rolled back from, so successive rollbacks keep going back.
     */
    @Transactional
    public Optional<Integer> previousChampion() {
        Optional<AliasMoveEntry> current = entities.createQuery("from AliasMoveEntry order by id desc", AliasMoveEntry.class).setMaxResults(1)
                .getResultStream().findFirst();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AliasMoveEntry move = current.get();
        if (!"rollback".equals(move.kind)) {
            return Optional.ofNullable(move.previousVersion);
        }
        // a rollback: where the version now promoted was promoted from, before it was rolled back to
        return entities.createQuery("from AliasMoveEntry where version = :version and id < :id and kind <> 'rollback' order by id desc",
                AliasMoveEntry.class).setParameter("version", move.version).setParameter("id", move.id).setMaxResults(1)
                .getResultStream().findFirst().map(earlier -> earlier.previousVersion);
    }

    /** Stores a gate check's outcome; recording the same check again changes nothing. */
    @Transactional
    public void record(int version, RecordGateCheckRequest check) {
        if (entities.find(GateCheckEntry.class, check.checkId()) != null) {
            return;
        }
        GateCheckEntry entry = new GateCheckEntry();
        entry.checkId = check.checkId();
        entry.version = version;
        entry.championVersion = check.championVersion();
        entry.targetSetId = check.targetSetId();
        entry.passed = check.passed();
        entry.failingSets = (check.failingSets() == null ? List.<String>of() : check.failingSets()).toArray(String[]::new);
        entry.decidedAt = check.decidedAt();
        entry.recordedAt = Instant.now();
        entities.persist(entry);
    }

    /** A version's gate checks, the newest decision first. */
    @Transactional
    public List<GateCheckRecord> checks(int version) {
        return entities.createQuery("from GateCheckEntry where version = :version order by decidedAt desc, recordedAt desc", GateCheckEntry.class)
                .setParameter("version", version).getResultStream().map(GateCheckEntry::view).toList();
    }

    @Transactional
    public Optional<GateCheckRecord> check(UUID id) {
        return Optional.ofNullable(entities.find(GateCheckEntry.class, id)).map(GateCheckEntry::view);
    }
}
