package kotone.gateway.audit;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The audit log in PostgreSQL (schema {@code gateway}). Entries are written off the event loop once the answer has
 * gone; an entry that cannot be written is logged (without key or body) rather than failing the call it describes.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final DataSource dataSource;
    private final Vertx vertx;

    public AuditLog(DataSource dataSource, Vertx vertx) {
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    public void record(AuditEntry entry) {
        vertx.executeBlocking(() -> {
            insert(entry);
            return null;
        }, false).onFailure(failure -> LOG.errorf("an audit entry was not stored: %s %s by key %s ended %d: %s", entry.method(), entry.path(),
                entry.keyId(), entry.status(), failure.getMessage()));
    }

    /** The newest entries first. */
    public List<AuditEntry> page(int limit, int offset) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select at, key_id, role, method, path, status, duration_ms, trace_id from audit_entry order by at desc, id desc limit ? offset ?")) {
            select.setInt(1, limit);
            select.setInt(2, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getInt(6), rows.getLong(7), rows.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
        return entries;
    }

    private void insert(AuditEntry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into audit_entry (at, key_id, role, method, path, status, duration_ms, trace_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, entry.keyId());
            insert.setString(3, entry.role());
            insert.setString(4, entry.method());
            insert.setString(5, entry.path());
            insert.setInt(6, entry.status());
            insert.setInt(7, (int) Math.min(Integer.MAX_VALUE, entry.durationMs()));
            insert.setString(8, entry.traceId());
            insert.executeUpdate();
        }
    }
}
