package kotone.interpreter.modes;

/** What actually answered, named as the eval modes of the original report. */
public enum ModelSource {
    RULE_BASELINE("rule_baseline"),
    LOCAL_MODEL("local_model"),
    PROMPT_BASELINE("prompt_baseline"),
    FINE_TUNED("fine_tuned");

    private final String key;

    ModelSource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
