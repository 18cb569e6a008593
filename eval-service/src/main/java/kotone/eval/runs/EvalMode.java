package kotone.eval.runs;

import java.util.Optional;

/**
 * The eval modes of the original report, and auto (what players get), and how each asks the interpreter. A run counts
 * an answer as valid only when the mode it evaluates really answered: an LLM run answered by the rules' fallback is
 * invalid. Auto is whatever the interpreter's auto mode served.
 */
public enum EvalMode {
    RULE_BASELINE("rule_baseline", "rule", null),
    LOCAL_MODEL("local_model", "local", null),
    PROMPT_BASELINE("prompt_baseline", "llm", "prompt_baseline"),
    FINE_TUNED("fine_tuned", "llm", "fine_tuned"),
    AUTO("auto", "auto", null);

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

    /** Whether the interpreter reads this mode in-process (no LLM): then many items go in one call. */
    public boolean batchable() {
        return this == RULE_BASELINE || this == LOCAL_MODEL;
    }

    /** Whether a run of this mode can evaluate a named local model version instead of the promoted one. */
    public boolean readsModelVersion() {
        return this == LOCAL_MODEL || this == AUTO;
    }

    /** Whether an answer whose meta.modelSource is this one came from the mode this run evaluates. */
    public boolean servedBy(String modelSource) {
        return this == AUTO ? modelSource != null : key.equals(modelSource);
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
