package kotone.eval;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

final class EvalTables {

    private EvalTables() {
    }

    static void clear(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("truncate eval.eval_check, eval.eval_calibration, eval.eval_replayed_item, eval.eval_gate_check, "
                    + "eval.eval_guard, eval.eval_cycle_step, eval.eval_cycle, eval.eval_run_chunk, eval.eval_sample, eval.eval_run, eval.eval_item, "
                    + "eval.eval_set cascade");
        }
    }
}
