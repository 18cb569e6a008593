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
        // one statement, so that two instances recording the same check at once meet on the key instead of failing
        entities.createNativeQuery("insert into model_gate_check (check_id, version, champion_version, target_set_id, passed, failing_sets, "
                + "decided_at, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now()) on conflict (check_id) do nothing")
                .setParameter(1, check.checkId()).setParameter(2, version).setParameter(3, check.championVersion())
                .setParameter(4, check.targetSetId()).setParameter(5, check.passed())
                .setParameter(6, (check.failingSets() == null ? List.<String>of() : check.failingSets()).toArray(String[]::new))
                .setParameter(7, check.decidedAt()).executeUpdate();
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
