package kotone.core.traffic;

import java.util.ArrayList;
import java.util.List;
import kotone.core.text.Tokens;

/**
 * The units whose novelty drift and the annotation queue measure: Latin words, and for Japanese, which has no spaces,
 * each pair of adjacent characters in a run (a lone character when the run is one long).
 */
public final class WordUnits {

    private WordUnits() {
    }

    public static List<String> of(String text) {
        String normalized = Tokens.normalize(text);
        List<String> units = new ArrayList<>(Tokens.words(normalized));
        for (String run : Tokens.japaneseRuns(normalized)) {
            if (run.length() == 1) {
                units.add(run);
            }
            for (int i = 0; i + 1 < run.length(); i++) {
                units.add(run.substring(i, i + 2));
            }
        }
        return units;
    }
}
