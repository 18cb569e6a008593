package kotone.core.text;

/**
 * The language of a text as the models see it: Japanese when it holds Japanese script, English when it
 * holds mostly Latin letters (full-width ones too, as NFKC reads them), otherwise unknown (emoji, digits only, other
 * scripts).
 */
public enum TextLanguage {
    EN("en"),
    JA("ja"),
    UNKNOWN("unknown");

    private final String code;

    TextLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TextLanguage of(String text) {
        int japanese = 0;
        int latin = 0;
        int otherLetters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = halfWidth(text.charAt(i));
            if (Tokens.isJapanese(c)) {
                japanese++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            } else if (Character.isLetter(c)) {
                otherLetters++;
            }
        }
        if (japanese > 0 && japanese * 4 >= latin) {
            return JA;
        }
        if (latin > 0 && latin >= otherLetters * 4) {
            return EN;
        }
        return UNKNOWN;
    }

    /** A full-width ASCII variant (U+FF01-FF5E) as its ASCII character. */
    private static char halfWidth(char c) {
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
    }

    public static TextLanguage fromCode(String code) {
        for (TextLanguage language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        return UNKNOWN;
    }
}
