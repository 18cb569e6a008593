package kotone.eval.checks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.core.behaviour.Check;
import kotone.core.behaviour.CheckKind;
import kotone.core.vector.Dimension;

/** A run's behavioural checks in PostgreSQL, numbered by the eval set so two runs compare check by check. */
@ApplicationScoped
public class CheckRepository {

    private static final String COLUMNS = "check_no, item_no, kind, dimension, language, category, expected, read, passed";

    private final DataSource dataSource;

    public CheckRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a run's checks in the transaction that completes the run, so they appear with its metrics. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(UUID runId, List<Check> checks) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("insert into eval_check (run_id, " + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (run_id, check_no) do nothing")) {
            for (Check check : checks) {
                insert.setObject(1, runId);
                insert.setInt(2, check.checkNo());
                insert.setInt(3, check.itemNo());
                insert.setString(4, check.kind().key());
                insert.setString(5, check.dimension() == null ? null : check.dimension().key());
                insert.setString(6, check.language());
                insert.setString(7, check.category());
                insert.setString(8, check.expected());
                insert.setString(9, check.read());
                insert.setBoolean(10, check.passed());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the checks of run " + runId, e);
        }
    }

    /** A run's checks in check order, each with its item's request text; only the failing ones when asked. */
    public List<CheckView> list(UUID runId, boolean failingOnly, int limit, int offset) {
        List<CheckView> checks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("select "
                + "c.check_no, c.item_no, c.kind, c.dimension, c.language, c.category, c.expected, c.read, c.passed, i.request_text "
                + "from eval_check c join eval_run r on r.id = c.run_id join eval_item i on i.set_id = r.set_id and i.item_no = c.item_no "
                + "where c.run_id = ?" + (failingOnly ? " and not c.passed" : "") + " order by c.check_no limit ? offset ?")) {
            select.setObject(1, runId);
            select.setInt(2, limit);
            select.setInt(3, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checks.add(CheckView.of(read(rows), rows.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the checks of run " + runId, e);
        }
        return checks;
    }

    /** A run's checks in check order, whether each passed: what the gate pairs between two runs. */
    public List<Check> all(UUID runId) {
        List<Check> checks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from eval_check where run_id = ? order by check_no")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checks.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the checks of run " + runId, e);
        }
        return checks;
    }

    private static Check read(ResultSet rows) throws SQLException {
        return new Check(rows.getInt(1), rows.getInt(2), kind(rows.getString(3)),
                rows.getString(4) == null ? null : Dimension.fromKey(rows.getString(4)).orElseThrow(), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8), rows.getBoolean(9));
    }

    private static CheckKind kind(String key) {
        for (CheckKind kind : CheckKind.values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown check kind " + key);
    }
}
