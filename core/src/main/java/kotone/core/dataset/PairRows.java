package kotone.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.core.model.train.Split;
import kotone.core.model.train.TrainingRow;
import kotone.core.text.TextLanguage;

/** The dataset rows of one teacher pair: its request text and its rule prompt, whichever it has, in one split. */
public final class PairRows {

    private PairRows() {
    }

    /**
     * The rows of many pairs, split by a grouped splitter keyed on each pair's external id: the way benchmarks and
     * tests split the shared teacher pairs (the dataset service splits stored pairs by their content hash).
     */
    public static List<TrainingRow> splitByPair(List<TeacherPair> pairs, GroupedSplitter splitter, long seed) {
        Map<String, Split> splits = splitter.assign(pairs.stream().map(TeacherPair::externalId).toList(), seed);
        List<TrainingRow> rows = new ArrayList<>();
        for (TeacherPair pair : pairs) {
            rows.addAll(of(pair, pair.externalId(), splits.get(pair.externalId())));
        }
        return rows;
    }

    public static List<TrainingRow> of(TeacherPair pair, String groupKey, Split split) {
        List<TrainingRow> rows = new ArrayList<>(2);
        for (SourceType type : SourceType.values()) {
            String text = pair.text(type);
            if (text != null && !text.isBlank()) {
                rows.add(new TrainingRow(text, pair.label(), groupKey, type.key(), TextLanguage.of(text).code(), split));
            }
        }
        return rows;
    }
}
