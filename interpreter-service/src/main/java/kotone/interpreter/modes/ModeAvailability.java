package kotone.interpreter.modes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kotone.interpreter.llm.LlmKind;
import kotone.interpreter.llm.LlmMode;
import kotone.interpreter.model.ActiveModel;

/**
 * Which modes this interpreter can serve right now, and why not: what a client or the command line asks before it
 * chooses a mode, instead of guessing from its own environment.
 */
@ApplicationScoped
public class ModeAvailability {

    private final ActiveModel active;
    private final LlmMode llm;

    public ModeAvailability(ActiveModel active, LlmMode llm) {
        this.active = active;
        this.llm = llm;
    }

    /** @param why what it serves from, or why it cannot serve */
    public record Mode(String mode, boolean available, String why) {
    }

    /** The interpreter's modes and the eval modes of the original report (plus auto), each available or not. */
    public record Modes(List<Mode> modes, List<Mode> evalModes) {
    }

    public Modes now() {
        Mode rule = new Mode("rule", true, "the English and Japanese lexicon, in-process");
        Mode local = active.get()
                .map(model -> new Mode("local", true, "local model v" + model.version() + " (" + model.method() + ")"))
                .orElse(new Mode("local", false, "no local model is promoted yet: run ./kotone bootstrap"));
        boolean prompt = llm.configured(LlmKind.PROMPT_BASELINE);
        boolean tuned = llm.configured(LlmKind.FINE_TUNED);
        String noLlm = "no LLM provider has a %s model configured (kotone.llm.providers.<name>.base-url, api-key and %s-model, set before "
                + "the interpreter starts)";
        Mode llmMode = prompt || tuned ? new Mode("llm", true, "an OpenAI-compatible provider: " + (tuned ? "fine_tuned" : "prompt_baseline"))
                : new Mode("llm", false, String.format(noLlm, "prompt_baseline or fine_tuned", "prompt-baseline or fine-tuned"));
        Mode auto = new Mode("auto", true, "answers from " + String.join(", ", sources(llmMode, local)));
        return new Modes(List.of(rule, local, llmMode, auto), List.of(
                new Mode("rule_baseline", true, rule.why()),
                new Mode("local_model", local.available(), local.why()),
                new Mode("prompt_baseline", prompt, prompt ? "the provider's prompt_baseline model" : String.format(noLlm, "prompt_baseline", "prompt-baseline")),
                new Mode("fine_tuned", tuned, tuned ? "the provider's fine_tuned model" : String.format(noLlm, "fine_tuned", "fine-tuned")),
                new Mode("auto", true, auto.why())));
    }

    private static List<String> sources(Mode llmMode, Mode local) {
        return java.util.stream.Stream.of(llmMode.available() ? "llm" : null, local.available() ? "local" : null, "rule")
                .filter(java.util.Objects::nonNull).toList();
    }
}
