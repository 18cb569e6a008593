package kotone.core.dataset;

import java.util.List;
import java.util.Map;
import kotone.core.catalog.Slot;
import kotone.core.vector.MusicVector;

/**
 * One teacher call: a label (the hidden-parameter vector and tags) and the texts it labels. A pair gives up
 * to two dataset rows, its request text and its rule prompt, which must always share a split.
 *
 * @param externalId the id the pair carried where it came from (may be null)
 * @param requestText may be null when the teacher saw only a rule prompt
 * @param rulePrompt may be null when the teacher saw only a request text
 * @param selectedParts the parts behind the rule prompt; empty when there were none
 */
public record TeacherPair(String externalId, String requestText, String rulePrompt, String weather,
        Map<Slot, String> selectedParts, MusicVector label, List<String> tags, Provenance provenance) {

    public TeacherPair {
        selectedParts = Map.copyOf(selectedParts);
        tags = List.copyOf(tags);
        if (blank(requestText) && blank(rulePrompt)) {
            throw new IllegalArgumentException("a teacher pair needs a request text or a rule prompt");
        }
    }

    public String text(SourceType type) {
        return type == SourceType.REQUEST_TEXT ? requestText : rulePrompt;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
