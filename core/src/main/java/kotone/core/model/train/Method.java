package kotone.core.model.train;

import java.util.Locale;

/** The feature sets a training job compares. Part-id features are in every one. */
public enum Method {
    NGRAM(true, false),
    EMBEDDING(false, true),
    NGRAM_EMBEDDING(true, true);

    private final boolean ngrams;
    private final boolean embedding;

    Method(boolean ngrams, boolean embedding) {
        this.ngrams = ngrams;
        this.embedding = embedding;
    }

    public boolean ngrams() {
        return ngrams;
    }

    public boolean embedding() {
        return embedding;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace("_", "+");
    }

    public static Method fromKey(String key) {
        for (Method method : values()) {
            if (method.key().equals(key)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown method " + key + "; known: ngram, embedding, ngram+embedding");
    }
}
