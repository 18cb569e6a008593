package kotone.dataset.models;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Every move of the promoted version, in PostgreSQL, and the gate checks promotions rest on. */
@ApplicationScoped
public class AliasHistory {

    private static final String MOVE = "id, version, previous_version, kind, moved_by, reason, gate_check_id, moved_at";
    private static final String CHECK = "check_id, version, champion_version, target_set_id, passed, failing_sets, decided_at, recorded_at";

    private final DataSource dataSource;

    public AliasHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The moves, newest first. */
    public List<AliasMove> moves(int limit, int offset) {
        List<AliasMove> moves = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + MOVE + " from model_alias_move order by id desc limit ? offset ?")) {
            select.setInt(1, limit);
            select.setInt(2, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    moves.add(move(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the alias history", e);
        }
        return moves;
    }

    /**
     * The champion before the current one: the version the current champion's move replaced, walking back past the
     * versions that were rolled back from, so successive rollbacks keep going back.
     */
    public Optional<Integer> previousChampion() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                with current as (select id, version, previous_version, kind from model_alias_move order by id desc limit 1)
                select case when current.kind = 'rollback'
                            then (select m.previous_version from model_alias_move m
                                  where m.version = current.version and m.id < current.id and m.kind <> 'rollback' order by m.id desc limit 1)
                            else current.previous_version end
                from current""")) {
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable((Integer) rows.getObject(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the alias history", e);
        }
    }

    /** Stores a gate check's outcome; recording the same check again changes nothing. */
    public void record(int version, RecordGateCheckRequest check) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into model_gate_check (check_id, version, champion_version, target_set_id, passed, failing_sets, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict (check_id) do nothing")) {
            insert.setObject(1, check.checkId());
            insert.setInt(2, version);
            insert.setObject(3, check.championVersion(), java.sql.Types.INTEGER);
            insert.setString(4, check.targetSetId());
            insert.setBoolean(5, check.passed());
            insert.setArray(6, connection.createArrayOf("text", (check.failingSets() == null ? List.of() : check.failingSets()).toArray()));
            insert.setTimestamp(7, java.sql.Timestamp.from(check.decidedAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record gate check " + check.checkId(), e);
        }
    }

    /** A version's gate checks, the newest decision first. */
    public List<GateCheckRecord> checks(int version) {
        return checks("where version = ? order by decided_at desc, recorded_at desc", version);
    }

    public Optional<GateCheckRecord> check(UUID id) {
        return checks("where check_id = ?", id).stream().findFirst();
    }

    private List<GateCheckRecord> checks(String where, Object value) {
        List<GateCheckRecord> checks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + CHECK + " from model_gate_check " + where)) {
            select.setObject(1, value);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checks.add(new GateCheckRecord(rows.getObject(1, UUID.class), rows.getInt(2), (Integer) rows.getObject(3), rows.getString(4),
                            rows.getBoolean(5), List.of((String[]) rows.getArray(6).getArray()), rows.getTimestamp(7).toInstant(),
                            rows.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read gate checks", e);
        }
        return checks;
    }

    private static AliasMove move(ResultSet rows) throws SQLException {
        return new AliasMove(rows.getLong(1), rows.getInt(2), (Integer) rows.getObject(3), rows.getString(4), rows.getString(5), rows.getString(6),
                rows.getObject(7, UUID.class), rows.getTimestamp(8).toInstant());
    }
}
