package kotone.eval.cycles;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kotone.common.problem.Causes;
import kotone.common.problem.ProblemException;

/**
 * Cycles and their steps. Each change is a transaction of its own (a cycle runs on a background thread); every change
 * to a running cycle applies only while this instance still owns it, so a cycle another instance failed as abandoned
 * can never turn into "promoted" afterwards.
 */
@ApplicationScoped
public class CycleRepository implements PanacheRepositoryBase<Cycle, Integer> {

    private static final String OWNED = "n = :n and claimedBy = :instance and status = :running";

    /** Starts a cycle owned by this instance; a 409 while another cycle runs (a unique index allows one). */
    @Transactional
    public Cycle start(String setId, CycleSettings settings, String requestedBy, String instance) {
        Cycle cycle = Cycle.running(setId, settings, requestedBy, instance);
        try {
            persistAndFlush(cycle);
        } catch (PersistenceException e) {
            if (Causes.any(e, cause -> cause instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
                throw ProblemException.conflict("another improvement cycle is running; wait for it (GET /eval/cycles)");
            }
            throw e;
        }
        return cycle;
    }

    @Transactional
    public void stepStarted(int n, int stepNo, String name, JsonNode inputs) {
        CycleStep step = new CycleStep();
        step.key = new CycleStep.Key(n, stepNo);
        step.name = name;
        step.status = CycleStep.Status.running;
        step.inputs = inputs;
        step.startedAt = Instant.now();
        getEntityManager().persist(step);
    }

    @Transactional
    public void stepCompleted(int n, int stepNo, JsonNode outputs) {
        CycleStep step = getEntityManager().find(CycleStep.class, new CycleStep.Key(n, stepNo));
        step.status = CycleStep.Status.completed;
        step.outputs = outputs;
        step.finishedAt = Instant.now();
    }

    @Transactional
    public void stepFailed(int n, int stepNo, String error) {
        CycleStep step = getEntityManager().find(CycleStep.class, new CycleStep.Key(n, stepNo));
        step.status = CycleStep.Status.failed;
        step.error = error;
        step.finishedAt = Instant.now();
    }

    @Transactional
    public boolean promotedVersion(int n, String instance, int version) {
        return update("promotedVersion = :value where " + OWNED, ownership(n, instance).and("value", version)) == 1;
    }

    @Transactional
    public boolean candidateVersion(int n, String instance, int version) {
        return update("candidateVersion = :value where " + OWNED, ownership(n, instance).and("value", version)) == 1;
    }

    @Transactional
    public boolean focus(int n, String instance, List<String> dimensions) {
        return update("focusDimensions = :value where " + OWNED, ownership(n, instance).and("value", dimensions.toArray(String[]::new))) == 1;
    }

    @Transactional
    public boolean gateCheck(int n, String instance, UUID gateCheckId) {
        return update("gateCheckId = :value where " + OWNED, ownership(n, instance).and("value", gateCheckId)) == 1;
    }

    /** Records the items of an eval set a cycle replayed into training. */
    @Transactional
    public void recordReplayed(String setId, List<Integer> itemNos, int n) {
        for (int itemNo : itemNos) {
            getEntityManager().createNativeQuery("insert into eval_replayed_item (set_id, item_no, cycle_n) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, setId).setParameter(2, itemNo).setParameter(3, n).executeUpdate();
        }
    }

    /** Every item of an eval set that any cycle replayed into training: the gate sets them aside when the set is its target. */
    @Transactional
    public Set<Integer> replayedItems(String setId) {
        @SuppressWarnings("unchecked")
        List<Number> items = getEntityManager().createNativeQuery("select distinct item_no from eval_replayed_item where set_id = ?1")
                .setParameter(1, setId).getResultList();
        Set<Integer> replayed = new HashSet<>();
        items.forEach(item -> replayed.add(item.intValue()));
        return replayed;
    }

    /** Finishes a cycle this instance still owns; false when it no longer does (another instance failed it as abandoned). */
    @Transactional
    public boolean finish(int n, String instance, Cycle.Status status, CycleDecision decision) {
        return update("status = :status, decision = :decision, finishedAt = :now where " + OWNED, ownership(n, instance).and("status", status)
                .and("decision", decision).and("now", Instant.now())) == 1;
    }

    @Transactional
    public boolean fail(int n, String instance, String step, String error) {
        return update("status = :failed, failedStep = :step, error = :error, finishedAt = :now where " + OWNED, ownership(n, instance)
                .and("failed", Cycle.Status.failed).and("step", step).and("error", error).and("now", Instant.now())) == 1;
    }

    /** Keeps this instance's running cycles alive. */
    @Transactional
    public int heartbeat(String instance) {
        return update("heartbeatAt = ?1 where claimedBy = ?2 and status = ?3", Instant.now(), instance, Cycle.Status.running);
    }

    /** Fails running cycles whose instance stopped reporting: nobody will finish them. */
    @Transactional
    public int failAbandoned(Instant heartbeatBefore) {
        return update("status = ?1, error = ?2, finishedAt = ?3 where status = ?4 and coalesce(heartbeatAt, startedAt) < ?5", Cycle.Status.failed,
                "the eval instance running this cycle stopped reporting (restarted or gone); start another", Instant.now(),
                Cycle.Status.running, heartbeatBefore);
    }

    @Transactional
    public Optional<CycleView> view(int n) {
        return findByIdOptional(n).map(cycle -> CycleView.of(cycle, getEntityManager()
                .createQuery("from CycleStep where key.cycleN = :n order by key.stepNo", CycleStep.class).setParameter("n", n)
                .getResultStream().map(CycleView.Step::of).toList()));
    }

    /** Cycles newest first, without their steps. */
    @Transactional
    public List<CycleView> page(int limit, int offset) {
        return findAll(Sort.by("n", Sort.Direction.Descending)).range(offset, offset + limit - 1).stream()
                .map(cycle -> CycleView.of(cycle, null)).toList();
    }

    @Transactional
    public LoopCompletion completion() {
        Object[] counts = getEntityManager().createQuery("select count(c), "
                + "coalesce(sum(case when c.status in (:promoted, :rejected) then 1 else 0 end), 0), "
                + "coalesce(sum(case when c.status = :promoted then 1 else 0 end), 0) from Cycle c", Object[].class)
                .setParameter("promoted", Cycle.Status.promoted).setParameter("rejected", Cycle.Status.rejected).getSingleResult();
        long started = ((Number) counts[0]).longValue();
        long completed = ((Number) counts[1]).longValue();
        long promoted = ((Number) counts[2]).longValue();
        return new LoopCompletion(started, completed, promoted, started == 0 ? null : completed / (double) started);
    }

    private static io.quarkus.panache.common.Parameters ownership(int n, String instance) {
        return io.quarkus.panache.common.Parameters.with("n", n).and("instance", instance).and("running", Cycle.Status.running);
    }
}
