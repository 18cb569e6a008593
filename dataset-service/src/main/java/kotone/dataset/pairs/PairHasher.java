package kotone.dataset.pairs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import kotone.core.dataset.TeacherPair;

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
        return sha256(content.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
