package kotone.common.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Whether a failure is the database being unreachable (no connection, or a connection lost), not a bug. */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean is(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException) {
            return true;
        }
        // SQLState class 08: connection exception; 57P01-57P03: the server is shutting down or cannot connect now
        return failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }
}
