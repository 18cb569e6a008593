package kotone.core.model.train;

import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a dataset version, split by split, read as often as the trainer needs them: from a database cursor in the
 * dataset service (so memory is bounded by the features, not the rows), from a list in tests and benchmarks.
 */
public interface RowSource {

    int count(Split split);

    void forEach(Split split, Consumer<TrainingRow> sink);

    static RowSource of(List<TrainingRow> rows) {
        return new RowSource() {
            @Override
            public int count(Split split) {
                return (int) rows.stream().filter(row -> row.split() == split).count();
            }

            @Override
            public void forEach(Split split, Consumer<TrainingRow> sink) {
                rows.stream().filter(row -> row.split() == split).forEach(sink);
            }
        };
    }
}
