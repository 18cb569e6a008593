package kotone.eval.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.common.jdbc.JsonColumns;
import kotone.core.metrics.MetricsSummary;

/**
 * The analysts' views of run history: pages of runs by filter and the latest run per mode. They are read with plain
 * SQL rather than through the entity: on a stack holding a million samples, the entity path (a JTA transaction and a
 * Hibernate session per request) took the history's p95 from 4.0 to 4.9 ms and the summary's from 5.4 to 9.5 ms
 * (docs/BENCHMARKS.md, "Stores"). Both views leave out each run's slices, four fifths of its JSON: with 26 runs a
 * page, reading and writing them again made the page's p95 20.4 ms (docs/RELIABILITY.md); a run's own view has them.
 * Every write to a run goes through {@link RunRepository}.
 */
@ApplicationScoped
public class RunHistory {

    private static final TypeReference<MetricsSummary> METRICS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, set_id, mode, status, done, total, model_version, price_table_version, metrics, "
            + "error, created_at, started_at, finished_at, item_order_seed, waiting_on, waiting_reason, waiting_since";

    private final DataSource dataSource;
    private final JsonColumns columns;

    public RunHistory(DataSource dataSource, JsonColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
    }

    /** What a page of run history is filtered by; a null field filters nothing. */
    public record Filter(String mode, String setId, String modelVersion, Instant from, Instant to) {
    }

    /** Runs newest first, by mode, eval set, model version and creation time, a page at a time. */
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
        values.add(limit);
        values.add(offset);
        return select("select " + COLUMNS + " from eval_run " + where + " order by created_at desc, id limit ? offset ?", values);
    }

    /** The latest completed run of each mode (optionally on one eval set), in one DISTINCT ON scan. */
    public List<EvalRun> latestPerMode(String setId) {
        return select("select distinct on (mode) " + COLUMNS + " from eval_run where status = 'completed'" + (setId == null ? "" : " and set_id = ?")
                + " order by mode, created_at desc", setId == null ? List.of() : List.of(setId));
    }

    private List<EvalRun> select(String sql, List<Object> values) {
        List<EvalRun> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
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

    private EvalRun read(ResultSet rows) throws SQLException {
        return new EvalRun(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
                new EvalRun.Progress(rows.getInt(5), rows.getInt(6)), rows.getString(7), rows.getString(8),
                rows.getString(9) == null ? null : columns.read(rows.getString(9), METRICS), null, rows.getString(10),
                instant(rows.getTimestamp(11)), instant(rows.getTimestamp(12)), instant(rows.getTimestamp(13)), (Long) rows.getObject(14),
                rows.getString(15) == null ? null : new EvalRun.Waiting(rows.getString(15), rows.getString(16), instant(rows.getTimestamp(17))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
