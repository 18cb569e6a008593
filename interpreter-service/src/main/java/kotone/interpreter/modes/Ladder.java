package kotone.interpreter.modes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.interpreter.config.InterpreterConfig;
import kotone.interpreter.llm.LlmKind;
import kotone.interpreter.llm.LlmMode;

/**
 * The auto mode: llm, then local, then rule, under one deadline. The local model answers alone only for requests
 * like those it was trained on; for a request far from its training data (another language, unknown words) the
 * rules' reading is blended in, in proportion to how unfamiliar the request is, when the rules understood it.
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
     */
    public record Outcome(Reading reading, Map<String, Double> sources, List<String> fallbackReasons, String parseError, List<String> notes) {
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
                return new Outcome(reading, Map.of(reading.source().key(), 1.0), reasons, null, reading.notes());
            } catch (ModeUnavailable e) {
                reasons.add(e.reason());
                notes.add("llm: " + e.getMessage());
                parseError = e.parseError();
            }
        }
        RuleMode.Result rules = rule.read(text, weather);
        try {
            Reading model = local.read(text, modelVersion);
            double familiarity = Math.min(1, model.coverage() / config.localMinCoverage());
            if (familiarity >= 1 || rules.hits() == 0) {
                notes.addAll(model.notes());
                return new Outcome(model, Map.of(model.source().key(), 1.0), reasons, parseError, notes);
            }
            return blend(model, rules.reading(), familiarity, reasons, parseError, notes);
        } catch (ModeUnavailable e) {
            reasons.add(e.reason());
            notes.add("local: " + e.getMessage());
        }
        notes.addAll(rules.reading().notes());
        return new Outcome(rules.reading(), Map.of(ModelSource.RULE_BASELINE.key(), 1.0), reasons, parseError, notes);
    }

    private static Outcome blend(Reading model, Reading rules, double modelShare, List<String> reasons, String parseError, List<String> notes) {
        double[] values = new double[Dimension.COUNT];
        for (Dimension dimension : Dimension.ALL) {
            values[dimension.ordinal()] = modelShare * model.vector().get(dimension) + (1 - modelShare) * rules.vector().get(dimension);
        }
        Reading dominant = modelShare >= 0.5 ? model : rules;
        Map<String, Double> sources = new LinkedHashMap<>();
        sources.put(model.source().key(), round(modelShare));
        sources.put(rules.source().key(), round(1 - modelShare));
        notes.addAll(model.notes());
        notes.addAll(rules.notes());
        notes.add(String.format(Locale.ROOT, "blend: %.0f%% local_model, %.0f%% rule_baseline (the request is far from the local model's training data)",
                modelShare * 100, (1 - modelShare) * 100));
        Reading blended = new Reading(MusicVector.rounded(values), dominant.source(), dominant.modelVersion(), true, null, List.of(),
                List.of(), model.coverage());
        return new Outcome(blended, sources, reasons, parseError, notes);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
