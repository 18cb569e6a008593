package kotone.eval.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Runs in PostgreSQL: queued by the API, claimed by exactly one instance at a time, completed with their metrics. */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS = "id, set_id, mode, status, done, total, model_version, price_table_version, metrics, slices, "
            + "error, created_at, started_at, finished_at";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public RunRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void insert(UUID id, String setId, String mode, int total, String modelVersion, String priceTableVersion) {
        update("insert into eval_run (id, set_id, mode, status, total, model_version, price_table_version) values (?, ?, ?, 'queued', ?, ?, ?)",
                id, setId, mode, total, modelVersion, priceTableVersion);
    }

    /**
     * Claims the oldest queued run, or a running one whose instance stopped reporting (a restart), for this
     * instance. SKIP LOCKED lets several instances claim at once without taking the same run.
     */
    public Optional<EvalRun> claim(String instance, long staleAfterMs) {
        String sql = "update eval_run set status = 'running', claimed_by = ?, heartbeat_at = now(), started_at = coalesce(started_at, now()) "
                + "where id = (select id from eval_run where status = 'queued' "
                + "or (status = 'running' and heartbeat_at < now() - make_interval(secs => ?)) "
                + "order by created_at for update skip locked limit 1) returning " + COLUMNS;
        try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement(sql)) {
            claim.setString(1, instance);
            claim.setDouble(2, staleAfterMs / 1000.0);
            try (ResultSet rows = claim.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a run", e);
        }
    }

    /** Records progress and that this instance is alive; false when the run is no longer this instance's. */
    public boolean heartbeat(UUID id, String instance, int done) {
        return update("update eval_run set done = ?, heartbeat_at = now() where id = ? and claimed_by = ? and status = 'running'",
                done, id, instance) == 1;
    }

    /** @param servedVersion the model version the interpreter reported; recorded when the run was not given one */
    public void complete(UUID id, String instance, int done, Map<String, Object> metrics, Map<String, Object> slices, String servedVersion) {
        update("update eval_run set status = 'completed', done = ?, metrics = ?::jsonb, slices = ?::jsonb, finished_at = now(), "
                + "model_version = coalesce(model_version, ?) where id = ? and claimed_by = ?", done, write(metrics), write(slices),
                servedVersion, id, instance);
    }

    public void fail(UUID id, String error) {
        update("update eval_run set status = 'failed', error = ?, finished_at = now() where id = ?", error, id);
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
                new EvalRun.Progress(rows.getInt(5), rows.getInt(6)), rows.getString(7), rows.getString(8), readMap(rows.getString(9)),
                readMap(rows.getString(10)), rows.getString(11), instant(rows.getTimestamp(12)), instant(rows.getTimestamp(13)),
                instant(rows.getTimestamp(14)));
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update runs", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> readMap(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
