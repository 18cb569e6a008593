package kotone.eval.runs;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kotone.core.metrics.MetricsSummary;
import org.hibernate.Session;

/**
 * Runs: the run itself as an entity; its chunks are leases claimed with {@code FOR UPDATE SKIP LOCKED} and updated with
 * native statements (a claim is one statement, and the benchmark's throughput rests on it). Each method is one transaction.
 */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntry, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id");

    private final EntityManager entities;

    public RunRepository(EntityManager entities) {
        this.entities = entities;
    }

    /** Queues a run and its chunks of chunkSize items. */
    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion, int chunkSize) {
        insert(id, setId, mode, total, modelVersion, priceTableVersion, chunkSize, null);
    }

    /** @param originTraceparent the W3C traceparent of the request that queued the run, or null */
    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion, int chunkSize,
            String originTraceparent) {
        insert(id, setId, mode, total, modelVersion, priceTableVersion, chunkSize, originTraceparent, null);
    }

    /** @param itemOrderSeed asks the items in an order shuffled with this seed (an A/A repeat run), or null for item order */
    @Transactional
    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion, int chunkSize,
            String originTraceparent, Long itemOrderSeed) {
        RunEntry run = new RunEntry();
        run.id = id;
        run.setId = setId;
        run.mode = mode;
        run.status = "queued";
        run.total = total;
        run.modelVersion = modelVersion;
        run.priceTableVersion = priceTableVersion;
        run.originTraceparent = originTraceparent;
        run.itemOrderSeed = itemOrderSeed;
        run.createdAt = Instant.now();
        persistAndFlush(run);
        entities.createNativeQuery("insert into eval_run_chunk (run_id, chunk_no, first_item, last_item, status) "
                + "select ?1, no, no * ?2, least(?3, (no + 1) * ?2) - 1, 'queued' from generate_series(0, (?3 + ?2 - 1) / ?2 - 1) no")
                .setParameter(1, id).setParameter(2, chunkSize).setParameter(3, total).executeUpdate();
    }

    /** A claimed chunk of a run: items first..last. */
    public record Chunk(UUID runId, int chunkNo, int firstItem, int lastItem) {
    }

    /**
     * Claims the next chunk for this instance: queued chunks of the oldest runs first (a chunk that waits for a dependency
     * only once its backoff is over), or a chunk whose instance stopped reporting. SKIP LOCKED lets several instances
     * claim at once without ever taking the same chunk; the chunk and its run are updated in one transaction.
     */
    @Transactional
    public Optional<Chunk> claimChunk(String instance, long staleAfterMs) {
        List<?> claimed = entities.createNativeQuery("with next as (select c.run_id, c.chunk_no from eval_run_chunk c join eval_run r on r.id = c.run_id "
                + "where r.status in ('queued', 'running') and ((c.status = 'queued' and (c.not_before is null or c.not_before <= now())) "
                + "or (c.status = 'running' and c.heartbeat_at < now() - make_interval(secs => ?1))) "
                + "order by r.created_at, c.chunk_no for update of c skip locked limit 1) "
                + "update eval_run_chunk c set status = 'running', claimed_by = ?2, heartbeat_at = now() from next "
                + "where c.run_id = next.run_id and c.chunk_no = next.chunk_no returning c.run_id, c.chunk_no, c.first_item, c.last_item")
                .setParameter(1, staleAfterMs / 1000.0).setParameter(2, instance).getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) claimed.get(0);
        Chunk chunk = new Chunk((UUID) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), ((Number) row[3]).intValue());
        update("status = 'running', startedAt = coalesce(startedAt, current_timestamp), claimedBy = coalesce(claimedBy, ?1) "
                + "where id = ?2 and status = 'queued'", instance, chunk.runId());
        return Optional.of(chunk);
    }

    /** Marks a chunk done (if this instance still holds it) and records the run's progress; the run waits for nothing. */
    @Transactional
    public void chunkDone(Chunk chunk, String instance) {
        entities.createNativeQuery("update eval_run_chunk set status = 'done', done_at = now(), not_before = null "
                + "where run_id = ?1 and chunk_no = ?2 and claimed_by = ?3").setParameter(1, chunk.runId()).setParameter(2, chunk.chunkNo())
                .setParameter(3, instance).executeUpdate();
        entities.createNativeQuery("update eval_run set done = (select count(*) from eval_sample where run_id = ?1), heartbeat_at = now(), "
                + "waiting_on = null, waiting_reason = null, waiting_since = null where id = ?1").setParameter(1, chunk.runId()).executeUpdate();
    }

    /**
     * A dependency was down while this chunk ran: its samples so far are kept, and the chunk goes back to the queue to be
     * claimed again after a backoff that doubles with every wait, up to the maximum. The run says what it waits for.
     *
     * @return since when the run has waited
     */
    @Transactional
    public Instant chunkWaits(Chunk chunk, String instance, String dependency, String reason, long initialBackoffMs, long maxBackoffMs) {
        entities.createNativeQuery("update eval_run_chunk set status = 'queued', claimed_by = null, waits = waits + 1, "
                + "not_before = now() + make_interval(secs => least(?1, ?2 * power(2, least(waits, 20))) / 1000.0) "
                + "where run_id = ?3 and chunk_no = ?4 and claimed_by = ?5").setParameter(1, (double) maxBackoffMs)
                .setParameter(2, (double) initialBackoffMs).setParameter(3, chunk.runId()).setParameter(4, chunk.chunkNo())
                .setParameter(5, instance).executeUpdate();
        entities.createNativeQuery("update eval_run set waiting_on = ?1, waiting_reason = ?2, waiting_since = coalesce(waiting_since, now()), "
                + "heartbeat_at = now(), done = (select count(*) from eval_sample where run_id = ?3) where id = ?3").setParameter(1, dependency)
                .setParameter(2, reason).setParameter(3, chunk.runId()).executeUpdate();
        return (Instant) entities.createQuery("select waitingSince from RunEntry where id = ?1").setParameter(1, chunk.runId()).getSingleResult();
    }

    /** Which instance processed each chunk of a run, for operators and tests. */
    @Transactional
    public Map<String, Integer> chunksByInstance(UUID runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<?> rows = entities.createNativeQuery("select claimed_by, count(*) from eval_run_chunk where run_id = ?1 and status = 'done' "
                + "group by claimed_by order by claimed_by").setParameter(1, runId).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).intValue());
        }
        return counts;
    }

    /** Work to do inside the completion lock: computes the metrics and slices of a run whose chunks are all done. */
    public interface Completion {
        void complete(EvalRun run);
    }

    /**
     * Completes the run once, whichever instance finishes its last chunk: under a row lock, only while it is still
     * running and has no unfinished chunk. Returns whether this call completed it.
     */
    @Transactional
    public boolean completeIfFinished(UUID runId, Completion completion) {
        RunEntry run = findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !"running".equals(run.status)) {
            return false;
        }
        Number open = (Number) entities.createNativeQuery("select count(*) from eval_run_chunk where run_id = ?1 and status <> 'done'")
                .setParameter(1, runId).getSingleResult();
        if (open.intValue() > 0) {
            return false;
        }
        completion.complete(run.view());
        return true;
    }

    /** Stores a completed run's metrics, inside {@link #completeIfFinished}'s transaction that holds its lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID id, int done, MetricsSummary metrics, RunSlices slices, String servedVersion) {
        RunEntry run = findById(id);
        run.status = "completed";
        run.done = done;
        run.metrics = metrics;
        run.slices = slices;
        run.finishedAt = Instant.now();
        if (run.modelVersion == null) {
            run.modelVersion = servedVersion;
        }
    }

    @Transactional
    public Optional<String> originTraceparent(UUID id) {
        readOnly();
        return findByIdOptional(id).map(run -> run.originTraceparent);
    }

    @Transactional
    public void fail(UUID id, String error) {
        update("status = 'failed', error = ?1, finishedAt = current_timestamp, waitingOn = null, waitingReason = null, waitingSince = null "
                + "where id = ?2", error, id);
    }

    @Transactional
    public Optional<EvalRun> find(UUID id) {
        readOnly();
        return findByIdOptional(id).map(RunEntry::view);
    }

    /**
     * The newest completed run of a model version on a set in a mode, in item order, finished after the given time: a
     * run the gate can reuse instead of asking the same questions again.
     */
    @Transactional
    public Optional<EvalRun> latestCompleted(String setId, String mode, String modelVersion, Instant finishedAfter) {
        readOnly();
        return views(find("setId = ?1 and mode = ?2 and modelVersion = ?3 and status = 'completed' and itemOrderSeed is null and finishedAt > ?4",
                NEWEST_FIRST, setId, mode, modelVersion, finishedAfter), 1, 0).stream().findFirst();
    }

    private static List<EvalRun> views(PanacheQuery<RunEntry> query, int limit, int offset) {
        return query.range(offset, offset + limit - 1).stream().map(RunEntry::view).toList();
    }

    /**
     * Reads in this transaction change nothing: loaded runs are read-only, so Hibernate keeps no copy of their JSON
     * columns to compare at commit.
     */
    private void readOnly() {
        entities.unwrap(Session.class).setDefaultReadOnly(true);
    }
}
