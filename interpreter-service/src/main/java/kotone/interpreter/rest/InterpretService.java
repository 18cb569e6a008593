package kotone.interpreter.rest;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.i18n.Language;
import kotone.core.profile.HiddenParams;
import kotone.core.profile.TargetProfile;
import kotone.core.text.TextLanguage;
import kotone.interpreter.answer.Explainer;
import kotone.interpreter.answer.Prices;
import kotone.interpreter.answer.Recommender;
import kotone.interpreter.llm.LlmKind;
import kotone.interpreter.llm.LlmMode;
import kotone.interpreter.modes.Ladder;
import kotone.interpreter.modes.LocalMode;
import kotone.interpreter.modes.ModeUnavailable;
import kotone.interpreter.modes.ModelSource;
import kotone.interpreter.modes.Reading;
import kotone.interpreter.modes.RuleMode;
import kotone.interpreter.rest.dto.InterpretRequest;
import kotone.interpreter.rest.dto.InterpretResponse;
import kotone.interpreter.rest.dto.Meta;
import kotone.interpreter.traffic.TrafficCapture;

/** Turns a request into hidden parameters, a profile, recommendations and an explanation, in the asked mode. */
@ApplicationScoped
public class InterpretService {

    static final int MAX_CODE_POINTS = 2000;

    private final Catalog catalog;
    private final ProfileDerivation derivation;
    private final RuleMode rule;
    private final LocalMode local;
    private final LlmMode llm;
    private final Ladder ladder;
    private final Recommender recommender;
    private final Explainer explainer;
    private final Prices prices;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final TrafficCapture capture;

    public InterpretService(io.micrometer.core.instrument.MeterRegistry meters, Catalog catalog, ProfileDerivation derivation, RuleMode rule, LocalMode local, LlmMode llm, Ladder ladder,
            Recommender recommender, Explainer explainer, Prices prices, TrafficCapture capture) {
        this.capture = capture;
        this.catalog = catalog;
        this.derivation = derivation;
        this.rule = rule;
        this.local = local;
        this.llm = llm;
        this.ladder = ladder;
        this.recommender = recommender;
        this.explainer = explainer;
        this.prices = prices;
        this.meters = meters;
    }

    /** @param capturable whether this request may be recorded as live traffic (not when the caller opted out, nor for eval's batches) */
    public InterpretResponse interpret(InterpretRequest request, boolean capturable) throws InterruptedException {
        long start = System.nanoTime();
        String text = request.requestText();
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw ProblemException.badRequest("requestText", "must be at most " + MAX_CODE_POINTS + " characters");
        }
        Set<String> inventory = inventory(request.inventoryPartIds());
        LlmKind kind = request.llmModel() == null ? llm.defaultKind() : LlmKind.fromKey(request.llmModel()).orElseThrow();
        Ladder.Outcome outcome = switch (request.mode() == null ? "auto" : request.mode()) {
            case "rule" -> rule(text, request.weather());
            case "local" -> local(text, request.modelVersion());
            case "llm" -> llm(text, request.weather(), kind, start);
            default -> auto(text, request.weather(), kind, request.modelVersion(), start);
        };
        InterpretResponse response = answer(request, outcome, inventory, start);
        String mode = request.mode() == null ? "auto" : request.mode();
        record(mode, outcome, System.nanoTime() - start);
        if (capturable) {
            capture.offer(text, request.weather(), mode, outcome, response.meta().traceId(), response.meta().latencyMs());
        }
        return response;
    }

    /** Latency per requested mode and served source, and every fallback by its reason. */
    private void record(String mode, Ladder.Outcome outcome, long nanos) {
        meters.timer("kotone.interpret.latency", "mode", mode, "source", outcome.reading().source().key())
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        for (String reason : outcome.fallbackReasons()) {
            meters.counter("kotone.interpret.fallbacks", "mode", mode, "reason", reason).increment();
        }
    }

    private Ladder.Outcome local(String text, Integer version) {
        try {
            RuleMode.Result rules = rule.read(text, null);
            return Ladder.Outcome.single(local.read(text, version, rules.rules()).reading(), rules.rules());
        } catch (ModeUnavailable e) {
            if ("unknown_model_version".equals(e.reason())) {
                throw ProblemException.unprocessable(e.getMessage(), List.of(new FieldError("modelVersion", "unknown model version")));
            }
            throw ProblemException.unavailable(e.getMessage());
        }
    }

    /** Auto; a model version that is not registered is the caller's mistake (422), not a reason to fall back. */
    private Ladder.Outcome auto(String text, String weather, LlmKind kind, Integer version, long start) throws InterruptedException {
        Ladder.Outcome outcome = ladder.auto(text, weather, kind, version, start);
        if (version != null && outcome.fallbackReasons().contains("unknown_model_version")) {
            throw ProblemException.unprocessable("no model version " + version, List.of(new FieldError("modelVersion", "unknown model version")));
        }
        return outcome;
    }

    /** Only the LLM, but a failed call still answers (from the rules), saying why: eval counts what the LLM got wrong. */
    private Ladder.Outcome llm(String text, String weather, LlmKind kind, long start) throws InterruptedException {
        if (!llm.configured(kind)) {
            throw ProblemException.unavailable("no LLM provider has a " + kind.source().key()
                    + " model configured (kotone.llm.providers.<name>.base-url and model ids)");
        }
        try {
            return Ladder.Outcome.single(llm.read(text, weather, kind, start + ladder.deadlineNanos()), null);
        } catch (ModeUnavailable e) {
            RuleMode.Result rules = rule.read(text, weather);
            List<String> notes = new ArrayList<>(List.of("llm: " + e.getMessage()));
            notes.addAll(rules.reading().notes());
            return new Ladder.Outcome(rules.reading(), Map.of(ModelSource.RULE_BASELINE.key(), 1.0), List.of(e.reason()), e.parseError(), notes,
                    Map.of(ModelSource.RULE_BASELINE.key(), rules.reading().vector()), rules.rules());
        }
    }

    private Ladder.Outcome rule(String text, String weather) {
        RuleMode.Result rules = rule.read(text, weather);
        return Ladder.Outcome.single(rules.reading(), rules.rules());
    }

    private Set<String> inventory(List<String> ids) {
        if (ids == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!catalog.contains(ids.get(i))) {
                errors.add(new FieldError("inventoryPartIds[" + i + "]", "unknown part id '" + ids.get(i) + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the inventory names parts the catalog does not have", errors);
        }
        return new HashSet<>(ids);
    }

    private InterpretResponse answer(InterpretRequest request, Ladder.Outcome outcome, Set<String> inventory, long start) {
        Reading reading = outcome.reading();
        HiddenParams derived = derivation.hiddenParams(reading.vector());
        LinkedHashSet<String> tags = new LinkedHashSet<>(derived.tags());
        reading.tags().stream().filter(this::knownTag).forEach(tags::add);
        HiddenParams hidden = new HiddenParams(reading.vector(), List.copyOf(tags), derived.constraints());
        TargetProfile profile = derivation.profile(reading.vector());
        Map<Slot, List<Part>> parts = recommender.recommend(profile, inventory);
        Map<String, List<String>> recommended = new LinkedHashMap<>();
        parts.forEach((slot, list) -> recommended.put(slot.key(), list.stream().map(Part::id).toList()));
        Language language = TextLanguage.of(request.requestText()) == TextLanguage.JA ? Language.JA : Language.EN;
        List<String> rationale = new ArrayList<>();
        rationale.add(explainer.summary(reading.source().key(), reading.modelVersion(), outcome.sources().size() > 1, language));
        if (!outcome.fallbackReasons().isEmpty()) {
            rationale.add("fallback: " + String.join(", ", outcome.fallbackReasons()) + " -> " + reading.source().key());
        }
        rationale.addAll(outcome.notes());
        boolean jsonValid = outcome.parseError() == null;
        String fallbackReason = outcome.fallbackReasons().isEmpty() ? null : String.join(",", outcome.fallbackReasons());
        double latencyMs = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
        String traceId = Span.current().getSpanContext().getTraceId();
        Meta meta = new Meta(reading.source().key(), reading.modelVersion(), outcome.sources(), jsonValid, outcome.parseError(),
                fallbackReason, latencyMs, traceId, cost(outcome.sources()));
        return new InterpretResponse(hidden, profile, recommended, explainer.hint(reading.vector(), parts, language), rationale, meta);
    }

    private boolean knownTag(String tag) {
        return catalog.parts().stream().anyMatch(part -> part.hasTag(tag));
    }

    /** The configured price of each source that took part; unknown (null) when any of them has no price. */
    private Double cost(Map<String, Double> sources) {
        double total = 0;
        for (String source : sources.keySet()) {
            Double price = prices.perRequest(source);
            if (price == null) {
                return null;
            }
            total += price;
        }
        return total;
    }
}
