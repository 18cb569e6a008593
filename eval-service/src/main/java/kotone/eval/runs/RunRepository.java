package kotone.eval.runs;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.common.jdbc.JsonColumns;
import kotone.common.jdbc.Sql;
import kotone.core.metrics.MetricsSummary;

/** Runs in PostgreSQL: queued by the API, claimed by exactly one instance at a time, completed with their metrics. */
@ApplicationScoped
public class RunRepository {

    private static final com.fasterxml.jackson.core.type.TypeReference<MetricsSummary> METRICS = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };
    private static final com.fasterxml.jackson.core.type.TypeReference<RunSlices> SLICES = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };
    private static final String COLUMNS = "id, set_id, mode, status, done, total, model_version, price_table_version, metrics, slices, "
            + "error, created_at, started_at, finished_at, item_order_seed, waiting_on, waiting_reason, waiting_since";

    private final DataSource dataSource;
    private final JsonColumns columns;

    public RunRepository(DataSource dataSource, JsonColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
    }

    /** Queues a run and its chunks of chunkSize items, in one transaction. */
    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion, int chunkSize) {
        insert(id, setId, mode, total, modelVersion, priceTableVersion, chunkSize, null);
    }

    /** @param originTraceparent the W3C traceparent of the request that queued the run, or null */
    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion, int chunkSize,
            String originTraceparent) {
        insert(id, setId, mode, total, modelVersion, priceTableVersion, chunkSize, originTraceparent, null);
    }

    /** @param itemOrderSeed asks the items in an order shuffled with this seed (an A/A repeat run), or null for item order */
    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion, int chunkSize,
            String originTraceparent, Long itemOrderSeed) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement run = connection.prepareStatement(
                    "insert into eval_run (id, set_id, mode, status, total, model_version, price_table_version, origin_traceparent, "
                            + "item_order_seed) values (?, ?, ?, 'queued', ?, ?, ?, ?, ?)");
                    PreparedStatement chunk = connection.prepareStatement(
                            "insert into eval_run_chunk (run_id, chunk_no, first_item, last_item, status) values (?, ?, ?, ?, 'queued')")) {
                run.setObject(1, id);
                run.setString(2, setId);
                run.setString(3, mode);
                run.setInt(4, total);
                run.setString(5, modelVersion);
                run.setString(6, priceTableVersion);
                run.setString(7, originTraceparent);
                run.setObject(8, itemOrderSeed, java.sql.Types.BIGINT);
                run.executeUpdate();
                for (int first = 0, no = 0; first < total; first += chunkSize, no++) {
                    chunk.setObject(1, id);
                    chunk.setInt(2, no);
                    chunk.setInt(3, first);
                    chunk.setInt(4, Math.min(total, first + chunkSize) - 1);
                    chunk.addBatch();
                }
                chunk.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue run " + id, e);
        }
    }

    /** A claimed chunk of a run: items first..last. */
    public record Chunk(UUID runId, int chunkNo, int firstItem, int lastItem) {
    }

    /**
     * Claims the next chunk for this instance: queued chunks of the oldest runs first (a chunk that waits for a dependency
     * only once its backoff is over), or a chunk whose instance stopped reporting. SKIP LOCKED lets several instances
     * claim at once without ever taking the same chunk; the chunk and its run are updated in one transaction.
     */
    public Optional<Chunk> claimChunk(String instance, long staleAfterMs) {
        String sql = "with next as (select c.run_id, c.chunk_no from eval_run_chunk c join eval_run r on r.id = c.run_id "
                + "where r.status in ('queued', 'running') and ((c.status = 'queued' and (c.not_before is null or c.not_before <= now())) "
                + "or (c.status = 'running' and c.heartbeat_at < now() - make_interval(secs => ?))) "
                + "order by r.created_at, c.chunk_no for update of c skip locked limit 1) "
                + "update eval_run_chunk c set status = 'running', claimed_by = ?, heartbeat_at = now() from next "
                + "where c.run_id = next.run_id and c.chunk_no = next.chunk_no returning c.run_id, c.chunk_no, c.first_item, c.last_item";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = connection.prepareStatement(sql);
                    PreparedStatement start = connection.prepareStatement("update eval_run set status = 'running', "
                            + "started_at = coalesce(started_at, now()), claimed_by = coalesce(claimed_by, ?) where id = ? and status = 'queued'")) {
                claim.setDouble(1, staleAfterMs / 1000.0);
                claim.setString(2, instance);
                Chunk chunk;
                try (ResultSet rows = claim.executeQuery()) {
                    if (!rows.next()) {
                        connection.commit();
                        return Optional.empty();
                    }
                    chunk = new Chunk(rows.getObject(1, UUID.class), rows.getInt(2), rows.getInt(3), rows.getInt(4));
                }
                start.setString(1, instance);
                start.setObject(2, chunk.runId());
                start.executeUpdate();
                connection.commit();
                return Optional.of(chunk);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a chunk", e);
        }
    }

    /** Marks a chunk done (if this instance still holds it) and records the run's progress; the run waits for nothing. */
    public void chunkDone(Chunk chunk, String instance) {
        Sql.update(dataSource, "update eval_run_chunk set status = 'done', done_at = now(), not_before = null where run_id = ? and chunk_no = ? "
                + "and claimed_by = ?", chunk.runId(), chunk.chunkNo(), instance);
        Sql.update(dataSource, "update eval_run set done = (select count(*) from eval_sample where run_id = ?), heartbeat_at = now(), "
                + "waiting_on = null, waiting_reason = null, waiting_since = null where id = ?", chunk.runId(), chunk.runId());
    }

    /**
     * A dependency was down while this chunk ran: its samples so far are kept, and the chunk goes back to the queue to be
     * claimed again after a backoff that doubles with every wait, up to the maximum. The run says what it waits for.
     *
     * @return since when the run has waited
     */
    public Instant chunkWaits(Chunk chunk, String instance, String dependency, String reason, long initialBackoffMs, long maxBackoffMs) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement requeue = connection.prepareStatement("update eval_run_chunk set status = 'queued', claimed_by = null, "
                    + "waits = waits + 1, not_before = now() + make_interval(secs => least(?, ? * power(2, least(waits, 20))) / 1000.0) "
                    + "where run_id = ? and chunk_no = ? and claimed_by = ?");
                    PreparedStatement waiting = connection.prepareStatement("update eval_run set waiting_on = ?, waiting_reason = ?, "
                            + "waiting_since = coalesce(waiting_since, now()), heartbeat_at = now(), "
                            + "done = (select count(*) from eval_sample where run_id = ?) where id = ? returning waiting_since")) {
                requeue.setDouble(1, maxBackoffMs);
                requeue.setDouble(2, initialBackoffMs);
                requeue.setObject(3, chunk.runId());
                requeue.setInt(4, chunk.chunkNo());
                requeue.setString(5, instance);
                requeue.executeUpdate();
                waiting.setString(1, dependency);
                waiting.setString(2, reason);
                waiting.setObject(3, chunk.runId());
                waiting.setObject(4, chunk.runId());
                Instant since;
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    since = rows.getTimestamp(1).toInstant();
                }
                connection.commit();
                return since;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not put chunk " + chunk.chunkNo() + " of run " + chunk.runId() + " back to wait", e);
        }
    }

    /** Which instance processed each chunk of a run, for operators and tests. */
    public Map<String, Integer> chunksByInstance(UUID runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select claimed_by, count(*) from eval_run_chunk where run_id = ? and status = 'done' group by claimed_by order by claimed_by")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Work to do inside the completion lock: computes the metrics and slices of a run whose chunks are all done. */
    public interface Completion {
        void complete(Connection connection, EvalRun run) throws SQLException;
    }

    /**
     * Completes the run once, whichever instance finishes its last chunk: under a row lock, only while it is still
     * running and has no unfinished chunk. Returns whether this call completed it.
     */
    public boolean completeIfFinished(UUID runId, Completion completion) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select id from eval_run where id = ? and status = 'running' for update");
                    PreparedStatement open = connection.prepareStatement("select count(*) from eval_run_chunk where run_id = ? and status <> 'done'")) {
                lock.setObject(1, runId);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        connection.rollback();
                        return false;
                    }
                }
                open.setObject(1, runId);
                try (ResultSet rows = open.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        connection.rollback();
                        return false;
                    }
                }
                completion.complete(connection, find(runId).orElseThrow());
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not complete run " + runId, e);
        }
    }

    /** Stores a completed run's metrics on the connection that holds its lock. */
    public void complete(Connection connection, UUID id, int done, MetricsSummary metrics, RunSlices slices, String servedVersion)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update eval_run set status = 'completed', done = ?, metrics = ?::jsonb, "
                + "slices = ?::jsonb, finished_at = now(), model_version = coalesce(model_version, ?) where id = ?")) {
            statement.setInt(1, done);
            statement.setString(2, columns.write(metrics));
            statement.setString(3, columns.write(slices));
            statement.setString(4, servedVersion);
            statement.setObject(5, id);
            statement.executeUpdate();
        }
    }

    public Optional<String> originTraceparent(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select origin_traceparent from eval_run where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void fail(UUID id, String error) {
        Sql.update(dataSource, "update eval_run set status = 'failed', error = ?, finished_at = now(), waiting_on = null, waiting_reason = null, "
                + "waiting_since = null where id = ?", error, id);
    }

    public Optional<EvalRun> find(UUID id) {
        List<EvalRun> runs = list("where id = ?", List.of(id), 1, 0);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    public record Filter(String mode, String setId, String modelVersion, Instant from, Instant to) {
    }

    public List<EvalRun> list(Filter filter, int limit, int offset) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> values = new ArrayList<>();
        if (filter.mode() != null) {
            where.append(" and mode = ?");
            values.add(filter.mode());
        }
        if (filter.setId() != null) {
            where.append(" and set_id = ?");
            values.add(filter.setId());
        }
        if (filter.modelVersion() != null) {
            where.append(" and model_version = ?");
            values.add(filter.modelVersion());
        }
        if (filter.from() != null) {
            where.append(" and created_at >= ?");
            values.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and created_at < ?");
            values.add(Timestamp.from(filter.to()));
        }
        return list(where.toString(), values, limit, offset);
    }

    /**
     * The newest completed run of a model version on a set in a mode, in item order, finished after the given time: a
     * run the gate can reuse instead of asking the same questions again.
     */
    public Optional<EvalRun> latestCompleted(String setId, String mode, String modelVersion, Instant finishedAfter) {
        List<EvalRun> found = list("where set_id = ? and mode = ? and model_version = ? and status = 'completed' and item_order_seed is null "
                + "and finished_at > ?", List.of(setId, mode, modelVersion, Timestamp.from(finishedAfter)), 1, 0);
        return found.stream().findFirst();
    }

    /** The latest completed run of each mode (optionally on one eval set). */
    public List<EvalRun> latestPerMode(String setId) {
        String sql = "select distinct on (mode) " + COLUMNS + " from eval_run where status = 'completed'"
                + (setId == null ? "" : " and set_id = ?") + " order by mode, created_at desc";
        List<EvalRun> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (setId != null) {
                select.setString(1, setId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read runs", e);
        }
        return runs;
    }

    private List<EvalRun> list(String where, List<Object> values, int limit, int offset) {
        List<EvalRun> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from eval_run " + where + " order by created_at desc, id limit ? offset ?")) {
            int i = 1;
            for (Object value : values) {
                select.setObject(i++, value);
            }
            select.setInt(i++, limit);
            select.setInt(i, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read runs", e);
        }
        return runs;
    }

    private EvalRun read(ResultSet rows) throws SQLException {
        return new EvalRun(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
                new EvalRun.Progress(rows.getInt(5), rows.getInt(6)), rows.getString(7), rows.getString(8),
                rows.getString(9) == null ? null : columns.read(rows.getString(9), METRICS), rows.getString(10) == null ? null
                        : columns.read(rows.getString(10), SLICES), rows.getString(11), instant(rows.getTimestamp(12)), instant(rows.getTimestamp(13)),
                instant(rows.getTimestamp(14)), (Long) rows.getObject(15),
                rows.getString(16) == null ? null : new EvalRun.Waiting(rows.getString(16), rows.getString(17), instant(rows.getTimestamp(18))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
