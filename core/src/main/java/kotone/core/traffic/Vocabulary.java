package kotone.core.traffic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The word units seen in a body of text (the training data), to tell how many of a new text's units are unseen. */
public final class Vocabulary {

    private final Set<String> units = new HashSet<>();

    public void addText(String text) {
        units.addAll(WordUnits.of(text));
    }

    public int size() {
        return units.size();
    }

    public boolean contains(String unit) {
        return units.contains(unit);
    }

    /** The share of the text's units not in this vocabulary; 0 for a text with none (only punctuation or emoji). */
    public double unseenShare(String text) {
        List<String> textUnits = WordUnits.of(text);
        if (textUnits.isEmpty()) {
            return 0;
        }
        return (double) unseen(textUnits) / textUnits.size();
    }

    int unseen(List<String> textUnits) {
        int unseen = 0;
        for (String unit : textUnits) {
            if (!units.contains(unit)) {
                unseen++;
            }
        }
        return unseen;
    }
}
