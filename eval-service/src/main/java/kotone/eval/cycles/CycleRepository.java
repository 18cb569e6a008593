package kotone.eval.cycles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import kotone.common.jdbc.JsonColumns;
import kotone.common.jdbc.Sql;
import kotone.common.problem.ProblemException;

/** Cycles and their steps in PostgreSQL. */
@ApplicationScoped
public class CycleRepository {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final JsonColumns columns;

    public CycleRepository(DataSource dataSource, ObjectMapper json, JsonColumns columns) {
        this.dataSource = dataSource;
        this.json = json;
        this.columns = columns;
    }

    /** Starts cycle n; a 409 when another cycle is running (a unique index allows one). */
    public int start(String setId, Map<String, Object> settings, String requestedBy) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into eval_cycle (n, set_id, status, settings, requested_by) values (nextval('eval_cycle_seq'), ?, 'running', ?::jsonb, ?) "
                        + "returning n")) {
            insert.setString(1, setId);
            insert.setString(2, columns.write(settings));
            insert.setString(3, requestedBy);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("another improvement cycle is running; wait for it (GET /eval/cycles)");
            }
            throw new IllegalStateException("could not start a cycle", e);
        }
    }

    public void stepStarted(int n, int stepNo, String name, Object inputs) {
        Sql.update(dataSource, "insert into eval_cycle_step (cycle_n, step_no, name, status, inputs) values (?, ?, ?, 'running', ?::jsonb)", n, stepNo, name, columns.write(inputs));
    }

    public void stepCompleted(int n, int stepNo, Object outputs) {
        Sql.update(dataSource, "update eval_cycle_step set status = 'completed', outputs = ?::jsonb, finished_at = now() where cycle_n = ? and step_no = ?",
                columns.write(outputs), n, stepNo);
    }

    public void stepFailed(int n, int stepNo, String error) {
        Sql.update(dataSource, "update eval_cycle_step set status = 'failed', error = ?, finished_at = now() where cycle_n = ? and step_no = ?", error, n, stepNo);
    }

    public void set(int n, String column, Object value) {
        if (!List.of("promoted_version", "candidate_version").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Sql.update(dataSource, "update eval_cycle set " + column + " = ? where n = ?", value, n);
    }

    public void focus(int n, List<String> dimensions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("update eval_cycle set focus_dimensions = ? where n = ?")) {
            statement.setArray(1, connection.createArrayOf("text", dimensions.toArray()));
            statement.setInt(2, n);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void gateCheck(int n, java.util.UUID gateCheckId) {
        Sql.update(dataSource, "update eval_cycle set gate_check_id = ? where n = ?", gateCheckId, n);
    }

    /** Records the items of an eval set a cycle replayed into training. */
    public void recordReplayed(String setId, List<Integer> itemNos, int n) {
        for (int itemNo : itemNos) {
            Sql.update(dataSource, "insert into eval_replayed_item (set_id, item_no, cycle_n) values (?, ?, ?) on conflict do nothing", setId, itemNo, n);
        }
    }

    /** Every item of an eval set that any cycle replayed into training: the gate sets them aside when the set is its target. */
    public java.util.Set<Integer> replayedItems(String setId) {
        java.util.Set<Integer> items = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select distinct item_no from eval_replayed_item where set_id = ?")) {
            select.setString(1, setId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the replayed items of " + setId, e);
        }
        return items;
    }

    public void finish(int n, String status, Object decision) {
        Sql.update(dataSource, "update eval_cycle set status = ?, decision = ?::jsonb, finished_at = now() where n = ?", status, columns.write(decision), n);
    }

    public void fail(int n, String step, String error) {
        Sql.update(dataSource, "update eval_cycle set status = 'failed', failed_step = ?, error = ?, finished_at = now() where n = ?", step, error, n);
    }

    /** Cycles a stopped process left running cannot resume: they are failed with the reason. */
    public int failUnfinished() {
        return Sql.update(dataSource, "update eval_cycle set status = 'failed', error = 'the eval service restarted during the cycle', finished_at = now() "
                + "where status = 'running'");
    }

    public Optional<Map<String, Object>> find(int n) {
        List<Map<String, Object>> cycles = list("where n = ?", n, 1, 0);
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> cycle = cycles.get(0);
        cycle.put("steps", steps(n));
        return Optional.of(cycle);
    }

    public List<Map<String, Object>> list(int limit, int offset) {
        return list("", null, limit, offset);
    }

    /** Cycles started and completed (promoted or rejected): the loop completion rate. */
    public Map<String, Object> completion() {
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement().executeQuery(
                "select count(*), count(*) filter (where status in ('promoted', 'rejected')), count(*) filter (where status = 'promoted') from eval_cycle")) {
            rows.next();
            Map<String, Object> completion = new LinkedHashMap<>();
            long started = rows.getLong(1);
            completion.put("started", started);
            completion.put("completed", rows.getLong(2));
            completion.put("promoted", rows.getLong(3));
            completion.put("loop_completion_rate", started == 0 ? null : rows.getLong(2) / (double) started);
            return completion;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> list(String where, Integer n, int limit, int offset) {
        List<Map<String, Object>> cycles = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select n, set_id, status, promoted_version, candidate_version, focus_dimensions, decision::text, failed_step, error, settings::text, "
                        + "started_at, finished_at, requested_by, gate_check_id from eval_cycle " + where + " order by n desc limit ? offset ?")) {
            int i = 1;
            if (n != null) {
                select.setInt(i++, n);
            }
            select.setInt(i++, limit);
            select.setInt(i, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> cycle = new LinkedHashMap<>();
                    cycle.put("n", rows.getInt(1));
                    cycle.put("datasetId", rows.getString(2));
                    cycle.put("status", rows.getString(3));
                    cycle.put("promotedVersion", rows.getObject(4));
                    cycle.put("candidateVersion", rows.getObject(5));
                    cycle.put("focusDimensions", rows.getArray(6) == null ? null : List.of((String[]) rows.getArray(6).getArray()));
                    cycle.put("decision", read(rows.getString(7)));
                    cycle.put("failedStep", rows.getString(8));
                    cycle.put("error", rows.getString(9));
                    cycle.put("settings", read(rows.getString(10)));
                    cycle.put("startedAt", instant(rows.getTimestamp(11)));
                    cycle.put("finishedAt", instant(rows.getTimestamp(12)));
                    cycle.put("requestedBy", rows.getString(13));
                    cycle.put("gateCheckId", rows.getObject(14));
                    cycles.add(cycle);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read cycles", e);
        }
        return cycles;
    }

    private List<Map<String, Object>> steps(int n) {
        List<Map<String, Object>> steps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select step_no, name, status, inputs::text, outputs::text, error, started_at, finished_at from eval_cycle_step "
                        + "where cycle_n = ? order by step_no")) {
            select.setInt(1, n);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("step", rows.getInt(1));
                    step.put("name", rows.getString(2));
                    step.put("status", rows.getString(3));
                    step.put("inputs", read(rows.getString(4)));
                    step.put("outputs", read(rows.getString(5)));
                    step.put("error", rows.getString(6));
                    Timestamp started = rows.getTimestamp(7);
                    Timestamp finished = rows.getTimestamp(8);
                    step.put("startedAt", instant(started));
                    step.put("finishedAt", instant(finished));
                    step.put("durationMs", finished == null ? null : finished.getTime() - started.getTime());
                    steps.add(step);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return steps;
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
