package kotone.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into the tokens every text model here uses, without an external tokenizer: runs of Latin
 * letters and digits become lower-case words; Japanese (kana and kanji), which has no spaces, becomes
 * its characters and character pairs. Text is NFKC-normalised first so full-width letters match.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String normalize(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            }
        }
        return text.toLowerCase(Locale.ROOT); // ASCII is already NFKC-normal
    }

    /** Latin words in order, lower-cased (underscores kept, so part ids stay one token). */
    public static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            char c = i < normalized.length() ? normalized.charAt(i) : ' ';
            boolean wordChar = c < 0x3000 && (Character.isLetterOrDigit(c) || c == '_' || c == '\'');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normalized.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Runs of Japanese script (hiragana, katakana, kanji), each as one string. */
    public static List<String> japaneseRuns(String normalized) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (isJapanese(c)) {
                run.append(c);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    public static boolean isJapanese(char c) {
        if (c < 0x3040) {
            return false;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || c == 'ー' || c == '々';
    }

    /** 32-bit FNV-1a over the characters: stable across JVMs, unlike String.hashCode's contract. */
    public static int hash(CharSequence token) {
        int h = 0x811C9DC5;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            h ^= c & 0xFF;
            h *= 0x01000193;
            h ^= c >>> 8;
            h *= 0x01000193;
        }
        return h;
    }
}
