package kotone.core.text;

import java.nio.charset.StandardCharsets;

/**
 * The identity of a text once normalised (NFKC, lower case, white space collapsed and trimmed), as a SHA-256 hex
 * key: two texts that differ only in width, case or spacing have the same key. Eval sets reserve their texts by key,
 * and no training row may have a reserved key.
 */
public final class TextKey {

    private TextKey() {
    }

    public static String normalized(String text) {
        return Tokens.normalize(text).strip().replaceAll("\\s+", " ");
    }

    public static String of(String text) {
        return Sha256.hex(normalized(text).getBytes(StandardCharsets.UTF_8));
    }
}
