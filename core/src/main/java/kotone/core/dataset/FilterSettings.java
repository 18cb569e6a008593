package kotone.core.dataset;

import java.util.List;

/**
 * The quality filter's thresholds.
 *
 * @param minChars shorter texts are dropped
 * @param maxChars longer texts are dropped (the interpreter accepts at most 2000)
 * @param languages texts in other languages are dropped ("en", "ja")
 * @param nearDuplicateJaccard texts whose character-trigram sets overlap at least this much count as near duplicates
 * @param nearDuplicateLabelDistance ...when their labels also differ by at most this much in every dimension
 */
public record FilterSettings(int minChars, int maxChars, List<String> languages, double nearDuplicateJaccard,
        int nearDuplicateLabelDistance) {

    public FilterSettings {
        languages = List.copyOf(languages);
    }

    public static FilterSettings defaults() {
        return new FilterSettings(8, 2000, List.of("en", "ja"), 0.9, 2);
    }
}
