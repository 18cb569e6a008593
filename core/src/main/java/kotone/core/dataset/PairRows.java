package kotone.core.dataset;

import java.util.ArrayList;
import java.util.List;
import kotone.core.model.train.Split;
import kotone.core.model.train.TrainingRow;
import kotone.core.text.TextLanguage;

/** The dataset rows of one teacher pair: its request text and its rule prompt, whichever it has, in one split. */
public final class PairRows {

    private PairRows() {
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
