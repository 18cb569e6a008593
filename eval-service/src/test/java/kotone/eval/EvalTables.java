package kotone.eval;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

final class EvalTables {

    private EvalTables() {
    }

    static void clear(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("truncate eval.eval_run_chunk, eval.eval_sample, eval.eval_run, eval.eval_item, eval.eval_set cascade");
        }
    }
}
