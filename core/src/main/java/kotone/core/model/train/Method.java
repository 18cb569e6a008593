package kotone.core.model.train;

import java.util.Locale;

/**
 * The feature groups a training job compares. Part-id features are in every one; "stacked" learns on top of the rules'
 * reading, which the others leave out.
 */
public enum Method {
    STACKED("stacked", true, true, false),
    RULES("rules", true, false, false),
    NGRAM("ngram", false, true, false),
    EMBEDDING("embedding", false, false, true),
    NGRAM_EMBEDDING("ngram+embedding", false, true, true),
    STACKED_EMBEDDING("stacked+embedding", true, true, true);

    private final String key;
    private final boolean rules;
    private final boolean ngrams;
    private final boolean embedding;

    Method(String key, boolean rules, boolean ngrams, boolean embedding) {
        this.key = key;
        this.rules = rules;
        this.ngrams = ngrams;
        this.embedding = embedding;
    }

    public boolean rules() {
        return rules;
    }

    public boolean ngrams() {
        return ngrams;
    }

    public boolean embedding() {
        return embedding;
    }

    public String key() {
        return key;
    }

    public static Method fromKey(String key) {
        for (Method method : values()) {
            if (method.key.equals(key.toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown method " + key + "; known: stacked, rules, ngram, embedding, ngram+embedding, stacked+embedding");
    }
}
