package kotone.core.dataset;

import java.util.Locale;

/** Which text of a teacher pair a dataset row holds. */
public enum SourceType {
    /** A player-style request, as a customer in the game would write it. */
    REQUEST_TEXT,
    /** The prompt built from the four selected parts, naming them with their ids. */
    RULE_PROMPT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
