package kotone.eval.gate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kotone.core.gate.GateDecision;

/**
 * Gate checks in PostgreSQL. Each change is a transaction of its own, since checks are worked on by background
 * threads; a final update applies only while the check is still this instance's and still running.
 */
@ApplicationScoped
public class GateCheckRepository implements PanacheRepositoryBase<GateCheck, UUID> {

    @Transactional
    public GateCheck create(GateCheck check) {
        persist(check);
        return check;
    }

    @Transactional
    public Optional<GateCheck> find(UUID id) {
        return findByIdOptional(id);
    }

    /** Checks newest first, of one candidate version when given. */
    @Transactional
    public List<GateCheck> page(Integer candidateVersion, int limit, int offset) {
        Sort newestFirst = Sort.by("createdAt", Sort.Direction.Descending);
        return (candidateVersion == null ? findAll(newestFirst) : find("candidateVersion", newestFirst, candidateVersion))
                .range(offset, offset + limit - 1).list();
    }

    /** Takes a queued check for this instance; false when it is no longer queued (another instance failed it as abandoned). */
    @Transactional
    public boolean start(UUID id, String instance) {
        return update("status = ?1, claimedBy = ?2, heartbeatAt = ?3, startedAt = ?3 where id = ?4 and status = ?5", GateCheck.Status.running,
                instance, Instant.now(), id, GateCheck.Status.queued) == 1;
    }

    /** Keeps this instance's queued and running checks alive. */
    @Transactional
    public int heartbeat(String instance) {
        return update("heartbeatAt = ?1 where claimedBy = ?2 and status in ?3", Instant.now(), instance,
                List.of(GateCheck.Status.queued, GateCheck.Status.running));
    }

    @Transactional
    public boolean complete(UUID id, String instance, GateDecision decision) {
        return update("status = ?1, decision = ?2, promote = ?3, finishedAt = ?4 where id = ?5 and claimedBy = ?6 and status = ?7",
                GateCheck.Status.completed, decision, decision.promote(), Instant.now(), id, instance, GateCheck.Status.running) == 1;
    }

    /** Fails a check this instance holds; the decision, when there was one, is kept beside the error. */
    @Transactional
    public boolean fail(UUID id, String instance, GateDecision decision, String error) {
        return update("status = ?1, decision = ?2, promote = ?3, error = ?4, finishedAt = ?5 where id = ?6 and claimedBy = ?7 and status in ?8",
                GateCheck.Status.failed, decision, decision == null ? null : Boolean.FALSE, error, Instant.now(), id, instance,
                List.of(GateCheck.Status.queued, GateCheck.Status.running)) == 1;
    }

    /** Fails checks whose instance stopped reporting: nobody will finish them. */
    @Transactional
    public int failAbandoned(Instant heartbeatBefore) {
        return update("status = ?1, error = ?2, finishedAt = ?3 where status in ?4 and coalesce(heartbeatAt, createdAt) < ?5",
                GateCheck.Status.failed, "the eval instance working on this check stopped reporting; ask again", Instant.now(),
                List.of(GateCheck.Status.queued, GateCheck.Status.running), heartbeatBefore);
    }
}
