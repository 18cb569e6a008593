package kotone.dataset.models;

import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.common.jdbc.JsonColumns;
import kotone.core.text.Sha256;

/** The model registry: versions with their weights, and the single promoted flag. */
@ApplicationScoped
public class ModelRepository {

    private static final TypeReference<GuardReport> GUARD_REPORT = new TypeReference<>() {
    };
    private static final String COLUMNS = "version, dataset_id, method, hyperparameters, features, metrics, training_ms, weights_sha256, "
            + "octet_length(weights), promoted, promoted_at, created_at, guard_report";

    private final DataSource dataSource;
    private final JsonColumns columns;

    public ModelRepository(DataSource dataSource, JsonColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
    }

    public int register(String datasetId, String method, Map<String, Object> hyperparameters, Map<String, Object> features,
            Map<String, Object> metrics, long trainingMs, byte[] weights) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into model_version (version, dataset_id, method, hyperparameters, features, metrics, training_ms, weights, weights_sha256)
                values (nextval('model_version_seq'), ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?) returning version""")) {
            insert.setString(1, datasetId);
            insert.setString(2, method);
            insert.setString(3, columns.write(hyperparameters));
            insert.setString(4, columns.write(features));
            insert.setString(5, columns.write(metrics));
            insert.setLong(6, trainingMs);
            insert.setBytes(7, weights);
            insert.setString(8, Sha256.hex(weights));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not register a model trained on " + datasetId, e);
        }
    }

    public List<ModelVersion> list(int limit, int offset) {
        return select("order by version desc limit ? offset ?", statement -> {
            statement.setInt(1, limit);
            statement.setInt(2, offset);
        });
    }

    public Optional<ModelVersion> find(int version) {
        return select("where version = ?", statement -> statement.setInt(1, version)).stream().findFirst();
    }

    public Optional<ModelVersion> promoted() {
        return select("where promoted", statement -> {
        }).stream().findFirst();
    }

    public Optional<byte[]> weights(int version) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select weights from model_version where version = ?")) {
            select.setInt(1, version);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the weights of model " + version, e);
        }
    }

    /** A move about to be made: what kind, by whom, why, on which gate check. */
    public record NewMove(String kind, String movedBy, String reason, UUID gateCheckId) {
    }

    /**
     * Makes this version the only promoted one and records the move, in one transaction: readers see the old or the new
     * promotion, never none or two (a unique index backs this up), and the history never misses a move. The table lock
     * serialises moves, so the previous version recorded is the one really replaced.
     *
     * @param expectedChampion the champion the caller decided against, or null for none; the move is refused (empty)
     *        when another move got there first
     */
    public Optional<AliasMove> promote(int version, Integer expectedChampion, NewMove move) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement current = connection.prepareStatement("select version from model_version where promoted");
                    PreparedStatement demote = connection.prepareStatement("update model_version set promoted = false where promoted and version <> ?");
                    PreparedStatement promote = connection.prepareStatement(
                            "update model_version set promoted = true, promoted_at = ? where version = ? and not promoted");
                    PreparedStatement record = connection.prepareStatement("insert into model_alias_move (version, previous_version, kind, moved_by, "
                            + "reason, gate_check_id) values (?, ?, ?, ?, ?, ?) returning id, moved_at")) {
                connection.createStatement().execute("lock table model_version in share row exclusive mode");
                Integer champion = null;
                try (ResultSet rows = current.executeQuery()) {
                    if (rows.next()) {
                        champion = rows.getInt(1);
                    }
                }
                if (!java.util.Objects.equals(champion, expectedChampion)) {
                    connection.rollback();
                    return Optional.empty();
                }
                demote.setInt(1, version);
                demote.executeUpdate();
                promote.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
                promote.setInt(2, version);
                promote.executeUpdate();
                record.setInt(1, version);
                record.setObject(2, champion, java.sql.Types.INTEGER);
                record.setString(3, move.kind());
                record.setString(4, move.movedBy());
                record.setString(5, move.reason());
                record.setObject(6, move.gateCheckId());
                AliasMove made;
                try (ResultSet rows = record.executeQuery()) {
                    rows.next();
                    made = new AliasMove(rows.getLong(1), version, champion, move.kind(), move.movedBy(), move.reason(), move.gateCheckId(),
                            rows.getTimestamp(2).toInstant());
                }
                connection.commit();
                return Optional.of(made);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not promote model " + version, e);
        }
    }

    /** Stores the version's guard report; false when there is no such version. */
    public boolean recordGuardReport(int version, GuardReport report) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update model_version set guard_report = ?::jsonb where version = ?")) {
            update.setString(1, columns.write(report));
            update.setInt(2, version);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the guard report of model " + version, e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<ModelVersion> select(String tail, Binder binder) {
        List<ModelVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from model_version " + tail)) {
            binder.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp promotedAt = rows.getTimestamp(11);
                    versions.add(new ModelVersion(rows.getInt(1), rows.getString(2), rows.getString(3), columns.readMap(rows.getString(4)),
                            columns.readMap(rows.getString(5)), columns.readMap(rows.getString(6)), rows.getLong(7), rows.getString(8), rows.getInt(9),
                            rows.getBoolean(10), promotedAt == null ? null : promotedAt.toInstant(), rows.getTimestamp(12).toInstant(),
                            rows.getString(13) == null ? null : columns.read(rows.getString(13), GUARD_REPORT)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the model registry", e);
        }
        return versions;
    }

}
