package kotone.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Empties the service's tables so each test starts from a known state. */
final class DatasetTables {

    private DatasetTables() {
    }

    static void clear(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("truncate dataset.model_alias_move, dataset.model_gate_check, dataset.reserved_text, "
                    + "dataset.training_job, dataset.model_version, dataset.dataset_row, dataset.dataset_version, dataset.pair_batch, "
                    + "dataset.teacher_pair, dataset.live_request, dataset.drift_check cascade");
        }
    }

    static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("select count(*) from dataset." + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
