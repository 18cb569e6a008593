package kotone.eval.runs;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/** Samples in PostgreSQL, unique per run and item: storing one again changes nothing. */
@ApplicationScoped
public class SampleRepository {

    static final String COLUMNS = "item_no, status, request_text, source_type, language, "
            + "target_energy, target_warmth, target_brightness, target_acousticness, target_complexity, target_nostalgia, "
            + "pred_energy, pred_warmth, pred_brightness, pred_acousticness, pred_complexity, pred_nostalgia, "
            + "err_energy, err_warmth, err_brightness, err_acousticness, err_complexity, err_nostalgia, mae, "
            + "served_mode, model_version, fallback_reason, json_valid, parse_error, latency_ms, cost_usd, constraint_match, "
            + "slot_exact_match, intent_score, output_sanity, top_style, top_instrument, top_mood, top_gimmick, trace_id, "
            + "interpreter_trace_id, trace_url, error, scoring_error";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    /** 128 rows of 45 values stay far below PostgreSQL's 32,767 parameters per statement. */
    static final int ROWS_PER_INSERT = 128;

    private final DataSource dataSource;

    public SampleRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores samples in multi-row inserts of up to {@value #ROWS_PER_INSERT} rows (the bulk of what a run writes: one
     * statement per rows rather than one per row halves the database's CPU per sample, docs/BENCHMARKS.md); those
     * already stored for their run and item are left as they are. Returns how many were new.
     */
    @Transactional
    public int insert(UUID runId, List<SampleRow> samples) {
        int added = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < samples.size(); from += ROWS_PER_INSERT) {
                List<SampleRow> rows = samples.subList(from, Math.min(samples.size(), from + ROWS_PER_INSERT));
                try (PreparedStatement insert = connection.prepareStatement(insertOf(rows.size()))) {
                    int next = 1;
                    for (SampleRow row : rows) {
                        next = bind(insert, next, runId, row);
                    }
                    added += insert.executeUpdate();
                }
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store samples of run " + runId, e);
        }
    }

    private static String insertOf(int rows) {
        String row = "(?" + ", ?".repeat(COLUMN_COUNT) + ")"; // run_id, then one per column
        return "insert into eval_sample (run_id, " + COLUMNS + ") values " + row + (", " + row).repeat(rows - 1)
                + " on conflict (run_id, item_no) do nothing";
    }

    /** Binds one sample's values from parameter {@code i} on; returns the index after them. */
    private static int bind(PreparedStatement insert, int i, UUID runId, SampleRow s) throws SQLException {
        insert.setObject(i++, runId);
        insert.setInt(i++, s.itemNo());
        insert.setString(i++, s.ok() ? "ok" : "failed");
        insert.setString(i++, s.requestText());
        insert.setString(i++, s.sourceType());
        insert.setString(i++, s.language());
        for (Dimension dimension : Dimension.ALL) {
            setShort(insert, i++, s.target() == null ? null : s.target().get(dimension));
        }
        for (Dimension dimension : Dimension.ALL) {
            setShort(insert, i++, s.predicted() == null ? null : s.predicted().get(dimension));
        }
        for (Dimension dimension : Dimension.ALL) {
            setShort(insert, i++, s.judgement() == null ? null : s.judgement().absoluteErrors()[dimension.ordinal()]);
        }
        setDouble(insert, i++, s.judgement() == null ? null : s.judgement().mae());
        insert.setString(i++, s.servedMode());
        insert.setString(i++, s.modelVersion());
        insert.setString(i++, s.fallbackReason());
        insert.setBoolean(i++, s.jsonValid());
        insert.setString(i++, s.parseError());
        insert.setDouble(i++, s.latencyMs());
        setDouble(insert, i++, s.costUsd());
        if (s.judgement() == null) {
            insert.setNull(i++, Types.BOOLEAN);
        } else {
            insert.setBoolean(i++, s.judgement().constraintMatch());
        }
        setDouble(insert, i++, s.judgement() == null ? null : s.judgement().slotExactMatch());
        if (s.intentScore() == null) {
            insert.setNull(i++, Types.INTEGER);
        } else {
            insert.setInt(i++, s.intentScore());
        }
        insert.setDouble(i++, s.predicted() == null ? SampleJudgement.INVALID_SANITY : SampleJudgement.sanity(s.predicted()));
        for (int slot = 0; slot < 4; slot++) {
            insert.setString(i++, s.topParts() == null ? null : s.topParts()[slot]);
        }
        insert.setString(i++, s.traceId());
        insert.setString(i++, s.interpreterTraceId());
        insert.setString(i++, s.traceUrl());
        insert.setString(i++, s.error());
        insert.setString(i++, s.scoringError());
        return i;
    }

    @Transactional
    public int count(UUID runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*) from eval_sample where run_id = ?")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count samples", e);
        }
    }

    public enum Order {
        ERROR_DESC("mae desc nulls first, item_no"),
        ERROR_ASC("mae asc nulls last, item_no"),
        ITEM("item_no");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Streams all of a run's samples to a download: as {@link #stream}, in a transaction of its own that may last half an
     * hour, since a large run sent to a slow client takes minutes.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public void download(UUID runId, Order order, Consumer<SampleRow> sink) {
        stream(runId, order, Integer.MAX_VALUE, 0, sink);
    }

    /** Streams a run's samples in the given order with a cursor (inside the transaction), so a run of any size fits. */
    @Transactional
    public void stream(UUID runId, Order order, int limit, int offset, Consumer<SampleRow> sink) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from eval_sample where run_id = ? order by " + order.sql + " limit ? offset ?")) {
            select.setFetchSize(2000);
            select.setObject(1, runId);
            select.setInt(2, limit);
            select.setInt(3, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read samples of run " + runId, e);
        }
    }

    public List<SampleRow> page(UUID runId, Order order, int limit, int offset) {
        List<SampleRow> rows = new ArrayList<>();
        stream(runId, order, limit, offset, rows::add);
        return rows;
    }

    private static SampleRow read(ResultSet rows) throws SQLException {
        int[] target = new int[Dimension.COUNT];
        int[] predicted = new int[Dimension.COUNT];
        int[] errors = new int[Dimension.COUNT];
        boolean hasTarget = rows.getObject(6) != null;
        boolean hasPrediction = rows.getObject(12) != null;
        for (int d = 0; d < Dimension.COUNT; d++) {
            target[d] = rows.getShort(6 + d);
            predicted[d] = rows.getShort(12 + d);
            errors[d] = rows.getShort(18 + d);
        }
        double mae = rows.getDouble(24);
        SampleJudgement judgement = hasPrediction && hasTarget ? new SampleJudgement(errors, mae, rows.getBoolean(32), rows.getDouble(33),
                rows.getDouble(35)) : null;
        Integer intent = (Integer) rows.getObject(34);
        Double cost = (Double) rows.getObject(31);
        String[] top = rows.getString(36) == null ? null : new String[] {rows.getString(36), rows.getString(37), rows.getString(38), rows.getString(39)};
        return new SampleRow(rows.getInt(1), "ok".equals(rows.getString(2)), rows.getString(3), rows.getString(4), rows.getString(5),
                hasTarget ? MusicVector.of(target) : null, hasPrediction ? MusicVector.of(predicted) : null, judgement, rows.getString(25), rows.getString(26),
                rows.getString(27), rows.getBoolean(28), rows.getString(29), rows.getDouble(30), cost, intent, top, rows.getString(40),
                rows.getString(41), rows.getString(42), rows.getString(43), rows.getString(44));
    }

    private static void setShort(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.SMALLINT);
        } else {
            statement.setShort(index, value.shortValue());
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
