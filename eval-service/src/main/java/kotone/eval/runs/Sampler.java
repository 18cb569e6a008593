package kotone.eval.runs;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.common.client.Outage;
import kotone.common.tracing.Traceparent;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.eval.clients.CallOutcome;
import kotone.eval.clients.InterpretAnswer;
import kotone.eval.clients.InterpretBatchAnswer;
import kotone.eval.clients.InterpretBatchCall;
import kotone.eval.clients.InterpretCall;
import kotone.eval.clients.InterpreterCalls;
import kotone.eval.clients.ScoreBatchCall;
import kotone.eval.clients.ScoreCall;
import kotone.eval.clients.ScoringApi;
import kotone.eval.clients.ScoringCalls;
import kotone.eval.config.EvalConfig;
import kotone.eval.sets.EvalItem;

/**
 * Turns eval items into samples: each item in a trace of its own ("eval.sample", linked to the request that queued the
 * run), read by the interpreter, its top recommendation scored against the item's target. Items of the in-process modes
 * (rule_baseline, local_model) go in batches, one interpreter call and one scoring call for many items, each item's
 * reading still a span in its own trace; the LLM modes and auto ask one item per call.
 */
@ApplicationScoped
public class Sampler {

    private final InterpreterCalls interpreter;
    private final ScoringCalls scoring;
    private final ProfileDerivation derivation;
    private final EvalConfig config;
    private final Tracer tracer;

    public Sampler(InterpreterCalls interpreter, ScoringCalls scoring, ProfileDerivation derivation, EvalConfig config, OpenTelemetry telemetry) {
        this.interpreter = interpreter;
        this.scoring = scoring;
        this.derivation = derivation;
        this.config = config;
        this.tracer = telemetry.getTracer("kotone-eval");
    }

    /** What every sample of a run shares. */
    public record RunContext(EvalRun run, EvalMode mode, Double price, SpanContext origin) {
    }

    /** One item's outcome: a sample to store, or the outage that kept it from being asked (then nothing is stored for it). */
    public record Attempt(SampleRow sample, Outage outage) {
        static Attempt stored(SampleRow sample) {
            return new Attempt(sample, null);
        }

        static Attempt waiting(Outage outage) {
            return new Attempt(null, outage);
        }
    }

    /** The items one call takes: a batch of {@code kotone.eval.batch-size} in the in-process modes, else one. */
    public int itemsPerCall(EvalMode mode) {
        return mode.batchable() ? config.batchSize() : 1;
    }

    /** Samples the items in one call (one item unless the mode is batched), in the items' order. */
    public List<Attempt> sample(RunContext context, List<EvalItem> items) {
        if (items.size() == 1 && !context.mode().batchable()) {
            return List.of(one(context, items.get(0)));
        }
        return batch(context, items);
    }

    private Attempt one(RunContext context, EvalItem item) {
        Span span = sampleSpan(context, item);
        try (Scope scope = span.makeCurrent()) {
            long start = System.nanoTime();
            CallOutcome<InterpretAnswer> outcome = interpreter.interpret(call(context, item));
            double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
            if (outcome instanceof CallOutcome.Down<InterpretAnswer> down) {
                return Attempt.waiting(down.outage());
            }
            if (outcome instanceof CallOutcome.Refused<InterpretAnswer> refused) {
                return Attempt.stored(refusedRow(context, item, span, latencyMs, refused.detail()));
            }
            Reading reading = read(context.mode(), item, ((CallOutcome.Answered<InterpretAnswer>) outcome).value());
            if (!reading.scorable()) {
                return Attempt.stored(row(context, item, span, reading, latencyMs, null, null));
            }
            CallOutcome<ScoringApi.Score> scored = scoring.score(reading.scoreCall(derivation));
            if (scored instanceof CallOutcome.Down<ScoringApi.Score> down) {
                return Attempt.waiting(down.outage());
            }
            return Attempt.stored(scored instanceof CallOutcome.Refused<ScoringApi.Score> refused
                    ? row(context, item, span, reading, latencyMs, null, refused.detail())
                    : row(context, item, span, reading, latencyMs, ((CallOutcome.Answered<ScoringApi.Score>) scored).value().total(), null));
        } finally {
            span.end();
        }
    }

    /**
     * A batch: one interpreter call that carries each item's traceparent, then one scoring call (without coaching) for
     * the readings that have a target. A batched item's latency is the interpreter's own time for it: the call's round
     * trip is shared by the batch. An outage of either call leaves every item of the batch unsampled.
     */
    private List<Attempt> batch(RunContext context, List<EvalItem> items) {
        List<Span> spans = new ArrayList<>(items.size());
        try {
            List<InterpretBatchCall.Item> calls = new ArrayList<>(items.size());
            for (EvalItem item : items) {
                Span span = sampleSpan(context, item);
                spans.add(span);
                calls.add(new InterpretBatchCall.Item(call(context, item), Traceparent.of(span.getSpanContext())));
            }
            long start = System.nanoTime();
            CallOutcome<InterpretBatchAnswer> outcome = interpreter.interpretAll(new InterpretBatchCall(calls));
            double roundTripMs = (System.nanoTime() - start) / 1_000_000.0;
            if (outcome instanceof CallOutcome.Down<InterpretBatchAnswer> down) {
                return Collections.nCopies(items.size(), Attempt.waiting(down.outage()));
            }
            List<Attempt> attempts = new ArrayList<>(items.size());
            if (outcome instanceof CallOutcome.Refused<InterpretBatchAnswer> refused) {
                for (int i = 0; i < items.size(); i++) {
                    attempts.add(Attempt.stored(refusedRow(context, items.get(i), spans.get(i), roundTripMs, refused.detail())));
                }
                return attempts;
            }
            List<InterpretBatchAnswer.Item> answers = ((CallOutcome.Answered<InterpretBatchAnswer>) outcome).value().items();
            if (answers == null || answers.size() != items.size()) {
                throw new IllegalStateException("the interpreter answered " + (answers == null ? 0 : answers.size()) + " readings for a batch of "
                        + items.size());
            }
            List<Reading> readings = new ArrayList<>(items.size());
            List<ScoreCall> scoreCalls = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                InterpretBatchAnswer.Item answer = answers.get(i);
                Reading reading = answer.answer() == null ? null : read(context.mode(), items.get(i), answer.answer());
                readings.add(reading);
                if (reading != null && reading.scorable()) {
                    scoreCalls.add(reading.scoreCall(derivation));
                }
            }
            Scores scores = scoreAll(scoreCalls);
            if (scores.outage() != null) {
                return Collections.nCopies(items.size(), Attempt.waiting(scores.outage()));
            }
            int scored = 0;
            for (int i = 0; i < items.size(); i++) {
                Reading reading = readings.get(i);
                if (reading == null) {
                    InterpretBatchAnswer.Refusal problem = answers.get(i).problem();
                    attempts.add(Attempt.stored(refusedRow(context, items.get(i), spans.get(i), roundTripMs,
                            problem == null ? "no reading" : problem.describe())));
                    continue;
                }
                double latencyMs = reading.latencyMs() == null ? roundTripMs : reading.latencyMs();
                if (!reading.scorable()) {
                    attempts.add(Attempt.stored(row(context, items.get(i), spans.get(i), reading, latencyMs, null, null)));
                    continue;
                }
                int at = scored++;
                attempts.add(Attempt.stored(row(context, items.get(i), spans.get(i), reading, latencyMs, scores.totals().get(at),
                        scores.errors().get(at))));
            }
            return attempts;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** The batch's scores in order, each a total or the reason it has none; or the outage that kept them from being asked. */
    private record Scores(List<Integer> totals, List<String> errors, Outage outage) {
    }

    /**
     * Scores a batch in one call. The scoring service refuses a whole batch when one selection is invalid, so a refused
     * batch is scored again one call per item, to tell each item's refusal.
     */
    private Scores scoreAll(List<ScoreCall> calls) {
        List<Integer> totals = new ArrayList<>(calls.size());
        List<String> errors = new ArrayList<>(calls.size());
        if (calls.isEmpty()) {
            return new Scores(totals, errors, null);
        }
        CallOutcome<ScoringApi.Scores> outcome = scoring.scoreAll(new ScoreBatchCall(calls, false));
        if (outcome instanceof CallOutcome.Down<ScoringApi.Scores> down) {
            return new Scores(totals, errors, down.outage());
        }
        if (outcome instanceof CallOutcome.Answered<ScoringApi.Scores> answered && answered.value().results().size() == calls.size()) {
            answered.value().results().forEach(score -> {
                totals.add(score.total());
                errors.add(null);
            });
            return new Scores(totals, errors, null);
        }
        for (ScoreCall call : calls) {
            CallOutcome<ScoringApi.Score> one = scoring.score(call);
            if (one instanceof CallOutcome.Down<ScoringApi.Score> down) {
                return new Scores(totals, errors, down.outage());
            }
            totals.add(one instanceof CallOutcome.Answered<ScoringApi.Score> answered ? answered.value().total() : null);
            errors.add(one instanceof CallOutcome.Refused<ScoringApi.Score> refused ? refused.detail() : null);
        }
        return new Scores(totals, errors, null);
    }

    private Span sampleSpan(RunContext context, EvalItem item) {
        SpanBuilder builder = tracer.spanBuilder("eval.sample").setSpanKind(SpanKind.INTERNAL).setNoParent();
        if (context.origin().isValid()) {
            builder.addLink(context.origin());
        }
        return builder
                .setAttribute("kotone.eval.run_id", context.run().id().toString())
                .setAttribute("kotone.eval.item_no", item.itemNo())
                .setAttribute("kotone.eval.mode", context.mode().key())
                .startSpan();
    }

    private static InterpretCall call(RunContext context, EvalItem item) {
        EvalMode mode = context.mode();
        return new InterpretCall(item.requestText(), item.weather() == null || item.weather().isBlank() ? null : item.weather(),
                mode.interpreterMode(), mode.llmModel(), mode.readsModelVersion() ? localVersion(context.run().modelVersion()) : null);
    }

    /** What an interpreter's answer says about an item, before it is scored. */
    private record Reading(EvalItem item, InterpretAnswer answer, String served, boolean jsonValid, MusicVector predicted,
            SampleJudgement judgement, String parseError, String[] top, Double costUsd) {

        boolean scorable() {
            return predicted != null && top != null && item.target() != null;
        }

        ScoreCall scoreCall(ProfileDerivation derivation) {
            Map<String, String> selection = new LinkedHashMap<>();
            for (Slot slot : Slot.ALL) {
                selection.put(slot.key(), top[slot.ordinal()]);
            }
            return new ScoreCall(selection, derivation.profile(item.target()));
        }

        Double latencyMs() {
            return answer.meta() == null ? null : answer.meta().latencyMs();
        }
    }

    private Reading read(EvalMode mode, EvalItem item, InterpretAnswer answer) {
        InterpretAnswer.Meta meta = answer.meta();
        String served = meta == null ? null : meta.modelSource();
        boolean servedAsAsked = mode.servedBy(served);
        boolean jsonValid = meta != null && Boolean.TRUE.equals(meta.jsonValid()) && servedAsAsked && answer.hiddenParams() != null;
        MusicVector predicted = jsonValid ? vector(answer.hiddenParams().vector()) : null;
        SampleJudgement judgement = predicted == null || item.target() == null ? null : SampleJudgement.of(predicted, item.target(), derivation);
        String parseError = meta != null && meta.parseError() != null ? meta.parseError()
                : servedAsAsked ? null : "served by " + served + " instead of " + mode.key();
        // auto may call a priced LLM or not, request by request: the interpreter's own price of the answer counts
        Double cost = mode == EvalMode.AUTO ? (meta == null ? null : meta.costUsd()) : null;
        return new Reading(item, answer, served, jsonValid, predicted, judgement, parseError, topParts(answer.recommended()), cost);
    }

    private SampleRow row(RunContext context, EvalItem item, Span span, Reading reading, double latencyMs, Integer intent, String scoringError) {
        InterpretAnswer.Meta meta = reading.answer().meta();
        String traceId = span.getSpanContext().getTraceId();
        Double cost = context.mode() == EvalMode.AUTO ? reading.costUsd() : context.price();
        return new SampleRow(item.itemNo(), true, item.requestText(), item.sourceType(), item.language(), item.target(), reading.predicted(),
                reading.judgement(), reading.served(), meta == null ? null : meta.modelVersion(), meta == null ? null : meta.fallbackReason(),
                reading.jsonValid(), reading.parseError(), latencyMs, cost, intent, reading.top(), traceId, meta == null ? null : meta.traceId(),
                traceUrl(traceId), null, scoringError);
    }

    private SampleRow refusedRow(RunContext context, EvalItem item, Span span, double latencyMs, String detail) {
        String traceId = span.getSpanContext().getTraceId();
        return new SampleRow(item.itemNo(), false, item.requestText(), item.sourceType(), item.language(), item.target(), null, null, null,
                null, null, false, null, latencyMs, context.price(), null, null, traceId, null, traceUrl(traceId),
                "the interpreter refused the item: " + detail, null);
    }

    private String traceUrl(String traceId) {
        return config.traceUrlTemplate().replace("{traceId}", traceId);
    }

    private static MusicVector vector(Map<String, Integer> read) {
        int[] values = new int[Dimension.COUNT];
        for (Dimension dimension : Dimension.ALL) {
            Integer value = read == null ? null : read.get(dimension.key());
            values[dimension.ordinal()] = MusicVector.clamp(value == null ? MusicVector.NEUTRAL : value);
        }
        return MusicVector.of(values);
    }

    private static String[] topParts(Map<String, List<String>> recommended) {
        if (recommended == null) {
            return null;
        }
        String[] top = new String[Slot.ALL.size()];
        for (Slot slot : Slot.ALL) {
            List<String> parts = recommended.get(slot.key());
            if (parts == null || parts.isEmpty() || parts.get(0) == null) {
                return null;
            }
            top[slot.ordinal()] = parts.get(0);
        }
        return top;
    }

    /** A local_model or auto run given a model version ("7" or "v7") evaluates that version; otherwise the promoted one. */
    static Integer localVersion(String modelVersion) {
        if (modelVersion == null) {
            return null;
        }
        try {
            return Integer.parseInt(modelVersion.startsWith("v") ? modelVersion.substring(1) : modelVersion);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
