package kotone.interpreter.llm;

import java.util.Optional;
import kotone.common.llm.ConfiguredProvider;
import kotone.interpreter.modes.ModelSource;

/** Which of a provider's models answers: the prompted base model or the fine-tuned one. */
public enum LlmKind {
    PROMPT_BASELINE(ModelSource.PROMPT_BASELINE),
    FINE_TUNED(ModelSource.FINE_TUNED);

    private final ModelSource source;

    LlmKind(ModelSource source) {
        this.source = source;
    }

    public ModelSource source() {
        return source;
    }

    public Optional<String> model(ConfiguredProvider provider) {
        return this == FINE_TUNED ? provider.fineTunedModel() : provider.promptBaselineModel();
    }

    public static Optional<LlmKind> fromKey(String key) {
        for (LlmKind kind : values()) {
            if (kind.source.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
