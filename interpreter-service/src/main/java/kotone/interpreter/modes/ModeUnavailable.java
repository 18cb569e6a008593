package kotone.interpreter.modes;

/**
 * A mode could not answer this request. The reason is a short code for meta.fallbackReason
 * ("no_model_promoted", "llm_timeout", "llm_invalid_json", ...) and the detail a sentence for people.
 */
public final class ModeUnavailable extends Exception {

    private final String reason;
    private final String parseError;

    public ModeUnavailable(String reason, String detail) {
        this(reason, detail, null);
    }

    /** @param parseError when an LLM answered but its answer failed validation: why */
    public ModeUnavailable(String reason, String detail, String parseError) {
        super(detail, null, false, false);
        this.reason = reason;
        this.parseError = parseError;
    }

    /** Set when an LLM's answer was rejected: meta.jsonValid is then false. */
    public String parseError() {
        return parseError;
    }

    public String reason() {
        return reason;
    }
}
