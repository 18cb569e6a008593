package kotone.core.model.train;

import java.util.Locale;

/** Where a dataset row serves: fitting, tuning, or the final report. */
public enum Split {
    TRAIN,
    VALID,
    TEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
