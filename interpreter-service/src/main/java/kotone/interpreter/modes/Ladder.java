package kotone.interpreter.modes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.Combination;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.interpreter.config.InterpreterConfig;
import kotone.interpreter.llm.LlmKind;
import kotone.interpreter.llm.LlmMode;

/**
 * The auto mode: llm, then the local model combined with the rules, then the rules alone, under one deadline. How the
 * local model and the rules combine was fitted with the model, by measurement (see {@link Combination}): per language,
 * input type, familiarity and dimension, the rules' share where their words spoke.
 */
@ApplicationScoped
public class Ladder {

    private final LlmMode llm;
    private final LocalMode local;
    private final RuleMode rule;
    private final InterpreterConfig config;

    public Ladder(LlmMode llm, LocalMode local, RuleMode rule, InterpreterConfig config) {
        this.llm = llm;
        this.local = local;
        this.rule = rule;
        this.config = config;
    }

    /**
     * @param sources the share of each source in the vector
     * @param fallbackReasons why higher rungs did not answer
     * @param parseError an LLM answer's validation error, when it was rejected
     * @param readings each source's own reading, before they were combined (what live-traffic capture keeps)
     * @param rules what the rules found, when they were consulted; null when the LLM answered alone
     */
    public record Outcome(Reading reading, Map<String, Double> sources, List<String> fallbackReasons, String parseError, List<String> notes,
            Map<String, MusicVector> readings, RuleInterpreter.Reading rules) {

        /** One source answered alone. */
        public static Outcome single(Reading reading, RuleInterpreter.Reading rules) {
            return new Outcome(reading, Map.of(reading.source().key(), 1.0), List.of(), null, reading.notes(),
                    Map.of(reading.source().key(), reading.vector()), rules);
        }
    }

    /** How long after the start of a request the LLM must have answered: the deadline less the reserve. */
    public long deadlineNanos() {
        return (config.deadlineMs() - config.reserveMs()) * 1_000_000;
    }

    /** @param modelVersion a registered local model version to use instead of the promoted one (to evaluate a candidate), or null */
    public Outcome auto(String text, String weather, LlmKind kind, Integer modelVersion, long startNanos) throws InterruptedException {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String parseError = null;
        if (llm.configured(kind)) {
            long deadline = startNanos + deadlineNanos();
            try {
                Reading reading = llm.read(text, weather, kind, deadline);
                return new Outcome(reading, Map.of(reading.source().key(), 1.0), reasons, null, reading.notes(),
                        Map.of(reading.source().key(), reading.vector()), null);
            } catch (ModeUnavailable e) {
                reasons.add(e.reason());
                notes.add("llm: " + e.getMessage());
                parseError = e.parseError();
            }
        }
        RuleMode.Result rules = rule.read(text, weather);
        try {
            LocalMode.Local model = local.read(text, modelVersion, rules.rules());
            return combine(model, rules, reasons, parseError, notes);
        } catch (ModeUnavailable e) {
            reasons.add(e.reason());
            notes.add("local: " + e.getMessage());
        }
        notes.addAll(rules.reading().notes());
        return new Outcome(rules.reading(), Map.of(ModelSource.RULE_BASELINE.key(), 1.0), reasons, parseError, notes,
                Map.of(ModelSource.RULE_BASELINE.key(), rules.reading().vector()), rules.rules());
    }

    /**
     * What auto answers when the LLM does not: the rules and a local model version, combined. A shadowed candidate reads
     * live requests this way, so its readings compare with what the champion served in auto mode.
     *
     * @throws ModeUnavailable when the version cannot be loaded
     */
    public Outcome withoutLlm(String text, String weather, Integer modelVersion) throws ModeUnavailable {
        RuleMode.Result rules = rule.read(text, weather);
        LocalMode.Local model = local.read(text, modelVersion, rules.rules());
        return combine(model, rules, new ArrayList<>(), null, new ArrayList<>());
    }

    /**
     * The local model's reading and the rules', combined as the model's fitted combination says for this language, input
     * type and familiarity: per dimension the rules' share where their words moved it, the local model elsewhere.
     */
    private static Outcome combine(LocalMode.Local model, RuleMode.Result rules, List<String> reasons, String parseError, List<String> notes) {
        Combination.Blend blend = model.model().combination().blend(model.prediction().vector(), rules.reading().vector(), rules.rules().push(),
                rules.rules().language(), model.prediction().namesParts(), model.prediction().coverage());
        double ruleShare = blend.ruleShare();
        Reading dominant = ruleShare > 0.5 ? rules.reading() : model.reading();
        Map<String, Double> sources = new LinkedHashMap<>();
        sources.put(ModelSource.LOCAL_MODEL.key(), round(1 - ruleShare));
        if (ruleShare > 0) {
            sources.put(ModelSource.RULE_BASELINE.key(), round(ruleShare));
        }
        notes.addAll(model.reading().notes());
        if (ruleShare > 0) {
            notes.addAll(rules.reading().notes());
            StringBuilder shares = new StringBuilder();
            for (Dimension dimension : Dimension.ALL) {
                double share = blend.ruleShares()[dimension.ordinal()];
                if (share > 0) {
                    shares.append(shares.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f%%", dimension.key(), share * 100));
                }
            }
            notes.add("combined: the rules' share where their words spoke (" + shares + "), the local model elsewhere");
        }
        Reading combined = new Reading(blend.vector(), dominant.source(), model.reading().modelVersion(), true, null, List.of(), List.of(),
                model.reading().coverage());
        return new Outcome(combined, sources, reasons, parseError, notes, Map.of(ModelSource.LOCAL_MODEL.key(),
                model.reading().vector(), ModelSource.RULE_BASELINE.key(), rules.reading().vector()), rules.rules());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
