package kotone.core.i18n;

import java.util.Locale;

/** The languages players write in and read coaching in. */
public enum Language {
    EN,
    JA;

    /** Picks the first supported language of an {@code Accept-Language} header; English otherwise. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        for (String range : header.split(",")) {
            String tag = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("ja")) {
                return JA;
            }
            if (tag.startsWith("en") || tag.equals("*")) {
                return EN;
            }
        }
        return EN;
    }
}
