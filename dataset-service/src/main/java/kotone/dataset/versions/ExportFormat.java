package kotone.dataset.versions;

/** The fine-tune export formats: chat messages (system/user/assistant) or prompt and completion. */
public enum ExportFormat {
    CHAT("chat"),
    PROMPT_COMPLETION("prompt-completion");

    private final String key;

    ExportFormat(String key) {
        this.key = key;
    }

    public static ExportFormat fromKey(String key) {
        for (ExportFormat format : values()) {
            if (format.key.equals(key)) {
                return format;
            }
        }
        throw kotone.common.problem.ProblemException.badRequest("format", "must be chat or prompt-completion");
    }
}
