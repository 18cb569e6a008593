package kotone.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One statement on a connection of its own, with its parameters in order. */
public final class Sql {

    private Sql() {
    }

    /** @return the number of rows changed */
    public static int update(DataSource dataSource, String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql.split("\\s+", 3)[0] + " (" + e.getSQLState() + ")", e);
        }
    }
}
