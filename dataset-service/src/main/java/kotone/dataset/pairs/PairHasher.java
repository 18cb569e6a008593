package kotone.dataset.pairs;

import java.util.TreeMap;
import kotone.core.dataset.TeacherPair;
import kotone.core.text.Sha256;

/** The identity of a teacher pair's content: its texts, weather, parts, label and tags (not its provenance). */
final class PairHasher {

    private PairHasher() {
    }

    static String hash(TeacherPair pair) {
        StringBuilder content = new StringBuilder();
        content.append(pair.requestText()).append('\u0000')
                .append(pair.rulePrompt()).append('\u0000')
                .append(pair.weather()).append('\u0000')
                .append(new TreeMap<>(pair.selectedParts())).append('\u0000')
                .append(pair.label()).append('\u0000')
                .append(pair.tags());
        return Sha256.hex(content.toString());
    }

}
