package kotone.eval.runs;

import java.util.Optional;

/** The eval modes of the original report and how each asks the interpreter. */
public enum EvalMode {
    RULE_BASELINE("rule_baseline", "rule", null),
    LOCAL_MODEL("local_model", "local", null),
    PROMPT_BASELINE("prompt_baseline", "llm", "prompt_baseline"),
    FINE_TUNED("fine_tuned", "llm", "fine_tuned");

    private final String key;
    private final String interpreterMode;
    private final String llmModel;

    EvalMode(String key, String interpreterMode, String llmModel) {
        this.key = key;
        this.interpreterMode = interpreterMode;
        this.llmModel = llmModel;
    }

    public String key() {
        return key;
    }

    public String interpreterMode() {
        return interpreterMode;
    }

    public String llmModel() {
        return llmModel;
    }

    public static Optional<EvalMode> fromKey(String key) {
        for (EvalMode mode : values()) {
            if (mode.key.equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
