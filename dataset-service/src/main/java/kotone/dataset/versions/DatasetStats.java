package kotone.dataset.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.core.model.train.Split;
import kotone.core.model.train.TrainingRow;
import kotone.core.vector.Dimension;

/** Per split: counts by source type and by language, and the mean and spread (standard deviation) of each dimension. */
final class DatasetStats {

    private DatasetStats() {
    }

    static Map<String, DatasetVersion.SplitStats> of(List<TrainingRow> rows) {
        Map<String, DatasetVersion.SplitStats> stats = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            List<TrainingRow> in = new ArrayList<>();
            for (TrainingRow row : rows) {
                if (row.split() == split) {
                    in.add(row);
                }
            }
            Map<String, DatasetVersion.LabelStats> labels = new LinkedHashMap<>();
            for (Dimension dimension : Dimension.ALL) {
                double mean = in.stream().mapToInt(row -> row.label().get(dimension)).average().orElse(Double.NaN);
                double variance = in.stream().mapToDouble(row -> Math.pow(row.label().get(dimension) - mean, 2)).average().orElse(Double.NaN);
                labels.put(dimension.key(), new DatasetVersion.LabelStats(round(mean), round(Math.sqrt(variance))));
            }
            stats.put(split.key(), new DatasetVersion.SplitStats(in.size(), in.stream().map(TrainingRow::groupKey).distinct().count(),
                    count(in, TrainingRow::sourceType), count(in, TrainingRow::language), labels));
        }
        return stats;
    }

    private static Map<String, Long> count(List<TrainingRow> rows, java.util.function.Function<TrainingRow, String> key) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.merge(key.apply(row), 1L, Long::sum));
        return counts;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }
}
