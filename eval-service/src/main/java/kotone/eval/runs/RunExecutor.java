package kotone.eval.runs;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import kotone.core.behaviour.BehaviouralChecks;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.Check;
import kotone.core.behaviour.ExpectationSummary;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.metrics.EvalSample;
import kotone.core.metrics.MetricsSummary;
import kotone.core.metrics.RunMetrics;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.eval.checks.CheckRepository;
import kotone.common.client.Outage;
import kotone.common.tracing.Traceparent;
import kotone.eval.clients.CallOutcome;
import kotone.eval.clients.InterpretAnswer;
import kotone.eval.clients.InterpretCall;
import kotone.eval.clients.InterpreterCalls;
import kotone.eval.clients.ScoreCall;
import kotone.eval.clients.ScoringApi;
import kotone.eval.clients.ScoringCalls;
import kotone.eval.config.EvalConfig;
import kotone.eval.sets.EvalItem;
import kotone.eval.sets.EvalSetRepository;
import io.smallrye.context.api.ManagedExecutorConfig;
import io.smallrye.context.api.NamedInstance;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Executes one claimed chunk of a run: the items without a sample yet; each item through the interpreter in its own
 * trace (at most {@code kotone.eval.concurrency} calls in flight per instance, across the chunks it has open), the top
 * recommendation of each item with a target scored against the target's profile, the chunk's samples stored at once.
 * Then the metrics, overall and per slice, and the behavioural checks of the set's expectations and relations with
 * their pass rates.
 */
@ApplicationScoped
public class RunExecutor {

    private final EvalSetRepository sets;
    private final RunRepository runs;
    private final SampleRepository samples;
    private final CheckRepository checks;
    private final InterpreterCalls interpreter;
    private final ScoringCalls scoring;
    private final ProfileDerivation derivation;
    private final EvalConfig config;
    private final Tracer tracer;
    private final ManagedExecutor background;
    private final ManagedExecutor chunkEnds;
    private final Semaphore callSlots;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public RunExecutor(io.micrometer.core.instrument.MeterRegistry meters, EvalSetRepository sets, RunRepository runs, SampleRepository samples,
            CheckRepository checks, InterpreterCalls interpreter, ScoringCalls scoring, ProfileDerivation derivation, EvalConfig config,
            OpenTelemetry telemetry,
            // a sample's calls need none of the caller's contexts (each starts a trace of its own): capturing them per item
            // cost more CPU than the item's own work
            @ManagedExecutorConfig(propagated = {}, cleared = ThreadContext.ALL_REMAINING) @NamedInstance("sample-calls")
            ManagedExecutor background,
            @ManagedExecutorConfig(propagated = {}, cleared = ThreadContext.ALL_REMAINING) @NamedInstance("chunk-ends")
            ManagedExecutor chunkEnds) {
        this.sets = sets;
        this.runs = runs;
        this.samples = samples;
        this.checks = checks;
        this.interpreter = interpreter;
        this.scoring = scoring;
        this.derivation = derivation;
        this.config = config;
        this.tracer = telemetry.getTracer("kotone-eval");
        this.meters = meters;
        this.background = background;
        this.chunkEnds = chunkEnds;
        this.callSlots = new Semaphore(config.concurrency());
    }

    /** One item's outcome: a sample to store, or the outage that kept it from being asked (then nothing is stored for it). */
    private record Attempt(SampleRow sample, Outage outage) {
        static Attempt stored(SampleRow sample) {
            return new Attempt(sample, null);
        }

        static Attempt waiting(Outage outage) {
            return new Attempt(null, outage);
        }
    }

    /**
     * Starts one claimed chunk of a run: asks its items without a sample yet, each as soon as one of the instance's
     * {@code kotone.eval.concurrency} call slots is free, and returns once all are asked. The chunk ends on another
     * thread when its last answer is in (its samples stored, the chunk released), so the next chunk's calls fill the
     * slots its last items free instead of waiting for them and for the store.
     *
     * @return the chunk's end: done, or waiting for a dependency that was down. When a dependency is down, the samples
     *     made are kept and the chunk waits with backoff; past the configured time the run fails, naming the dependency.
     *     An outage never becomes a sample.
     */
    public CompletableFuture<Void> startChunk(EvalRun run, RunRepository.Chunk chunk, String instance) throws InterruptedException {
        EvalMode mode = EvalMode.fromKey(run.mode()).orElseThrow();
        Double price = config.priceTable().usdPerRequest().get(mode.key());
        SpanContext origin = Traceparent.spanContext(runs.originTraceparent(run.id()).orElse(null));
        List<EvalItem> page = sets.pendingItems(run.datasetId(), run.id(), chunk.firstItem(), chunk.lastItem());
        if (run.itemOrderSeed() != null) {
            // the A/A calibration's repeat run asks its items in another order, to show what order alone changes
            java.util.Collections.shuffle(page, new java.util.Random(run.itemOrderSeed() * 31 + chunk.chunkNo()));
        }
        List<CompletableFuture<Attempt>> attempts = new ArrayList<>(page.size());
        for (EvalItem item : page) {
            callSlots.acquire();
            CompletableFuture<Attempt> attempt;
            try {
                attempt = CompletableFuture.supplyAsync(() -> sample(run, mode, item, price, origin), background);
            } catch (RuntimeException e) {
                callSlots.release();
                throw e;
            }
            attempts.add(attempt.whenComplete((result, failure) -> callSlots.release()));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> endChunk(run, mode, chunk, instance, attempts), chunkEnds);
    }

    private void endChunk(EvalRun run, EvalMode mode, RunRepository.Chunk chunk, String instance, List<CompletableFuture<Attempt>> attempts) {
        List<SampleRow> rows = new ArrayList<>(attempts.size());
        Outage outage = null;
        for (CompletableFuture<Attempt> attempt : attempts) {
            Attempt done = attempt.join();
            if (done.sample() != null) {
                rows.add(done.sample());
            } else if (outage == null) {
                outage = done.outage();
            }
        }
        int stored = rows.isEmpty() ? 0 : samples.insert(run.id(), rows);
        meters.counter("kotone.eval.samples", "mode", mode.key()).increment(stored);
        if (outage != null) {
            waitFor(outage, run, chunk, instance);
            return;
        }
        runs.chunkDone(chunk, instance);
        runs.completeIfFinished(run.id(), this::complete);
    }

    private void waitFor(Outage outage, EvalRun run, RunRepository.Chunk chunk, String instance) {
        EvalConfig.Outages policy = config.outages();
        Instant since = runs.chunkWaits(chunk, instance, outage.dependency(), outage.reason(), policy.initialBackoffMs(), policy.maxBackoffMs());
        long waited = Duration.between(since, Instant.now()).toMillis();
        meters.counter("kotone.eval.outage.waits", "dependency", outage.dependency()).increment();
        if (waited > policy.giveUpAfterMs()) {
            runs.fail(run.id(), String.format(java.util.Locale.ROOT, "%s for %.0f s, longer than a run waits (%.0f s): the run stopped "
                    + "without judging the model; its samples so far are kept", outage.message(), waited / 1000.0, policy.giveUpAfterMs() / 1000.0));
        }
    }

    /**
     * One sample in a trace of its own ("eval.sample", with the interpreter's POST /interpret and the scoring service's
     * POST /score under it), linked to the request that queued the run: its trace link opens that sample's path alone.
     */
    private Attempt sample(EvalRun run, EvalMode mode, EvalItem item, Double price, SpanContext origin) {
        SpanBuilder builder = tracer.spanBuilder("eval.sample").setSpanKind(SpanKind.INTERNAL).setNoParent();
        if (origin.isValid()) {
            builder.addLink(origin);
        }
        Span span = builder
                .setAttribute("kotone.eval.run_id", run.id().toString())
                .setAttribute("kotone.eval.item_no", item.itemNo())
                .setAttribute("kotone.eval.mode", mode.key())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            long start = System.nanoTime();
            CallOutcome<InterpretAnswer> outcome = interpreter.interpret(new InterpretCall(item.requestText(),
                    item.weather() == null || item.weather().isBlank() ? null : item.weather(), mode.interpreterMode(), mode.llmModel(),
                    mode.readsModelVersion() ? localVersion(run.modelVersion()) : null));
            double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
            String traceId = span.getSpanContext().getTraceId();
            String traceUrl = config.traceUrlTemplate().replace("{traceId}", traceId);
            if (outcome instanceof CallOutcome.Down<InterpretAnswer> down) {
                return Attempt.waiting(down.outage());
            }
            if (outcome instanceof CallOutcome.Refused<InterpretAnswer> refused) {
                return Attempt.stored(new SampleRow(item.itemNo(), false, item.requestText(), item.sourceType(), item.language(), item.target(),
                        null, null, null, null, null, false, null, latencyMs, price, null, null, traceId, null, traceUrl,
                        "the interpreter refused the item: " + refused.detail(), null));
            }
            InterpretAnswer answer = ((CallOutcome.Answered<InterpretAnswer>) outcome).value();
            return answered(mode, item, price, answer, latencyMs, traceId, traceUrl);
        } finally {
            span.end();
        }
    }

    private Attempt answered(EvalMode mode, EvalItem item, Double price, InterpretAnswer answer, double latencyMs, String traceId,
            String traceUrl) {
        InterpretAnswer.Meta meta = answer.meta();
        String served = meta == null ? null : meta.modelSource();
        boolean servedAsAsked = mode.servedBy(served);
        boolean jsonValid = meta != null && Boolean.TRUE.equals(meta.jsonValid()) && servedAsAsked && answer.hiddenParams() != null;
        MusicVector predicted = jsonValid ? vector(answer.hiddenParams().vector()) : null;
        SampleJudgement judgement = predicted == null || item.target() == null ? null : SampleJudgement.of(predicted, item.target(), derivation);
        String parseError = meta != null && meta.parseError() != null ? meta.parseError()
                : servedAsAsked ? null : "served by " + served + " instead of " + mode.key();
        String[] top = topParts(answer.recommended());
        Integer intent = null;
        String scoringError = null;
        if (predicted != null && top != null && item.target() != null) {
            CallOutcome<ScoringApi.Score> scored = scoring.score(new ScoreCall(selection(top), derivation.profile(item.target())));
            if (scored instanceof CallOutcome.Down<ScoringApi.Score> down) {
                return Attempt.waiting(down.outage());
            }
            if (scored instanceof CallOutcome.Refused<ScoringApi.Score> refused) {
                scoringError = refused.detail();
            } else {
                intent = ((CallOutcome.Answered<ScoringApi.Score>) scored).value().total();
            }
        }
        // auto may call a priced LLM or not, request by request: the interpreter's own price of the answer counts
        Double cost = mode == EvalMode.AUTO ? (meta == null ? null : meta.costUsd()) : price;
        return Attempt.stored(new SampleRow(item.itemNo(), true, item.requestText(), item.sourceType(), item.language(), item.target(), predicted,
                judgement, served, meta == null ? null : meta.modelVersion(), meta == null ? null : meta.fallbackReason(), jsonValid, parseError,
                latencyMs, cost, intent, top, traceId, meta == null ? null : meta.traceId(), traceUrl, null, scoringError));
    }

    private static Map<String, String> selection(String[] top) {
        Map<String, String> selection = new LinkedHashMap<>();
        for (Slot slot : Slot.ALL) {
            selection.put(slot.key(), top[slot.ordinal()]);
        }
        return selection;
    }

    private void complete(EvalRun run) {
        RunMetrics overall = new RunMetrics();
        Map<String, RunMetrics> bySource = new LinkedHashMap<>();
        Map<String, RunMetrics> byLanguage = new LinkedHashMap<>();
        String[] servedVersion = {null};
        List<BehaviouralItem> behavioural = sets.behaviouralItems(run.datasetId());
        java.util.Set<Integer> related = new java.util.HashSet<>();
        for (BehaviouralItem item : behavioural) {
            related.add(item.itemNo());
            if (item.relation() != null) {
                related.add(item.relation().baseItemNo());
            }
        }
        Map<Integer, MusicVector> readings = new java.util.HashMap<>();
        samples.stream(run.id(), SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, row -> {
            if (row.predicted() != null && related.contains(row.itemNo())) {
                readings.put(row.itemNo(), row.predicted());
            }
            if (servedVersion[0] == null && row.jsonValid() && row.modelVersion() != null) {
                servedVersion[0] = row.modelVersion();
            }
            EvalSample sample = row.evalSample();
            overall.add(sample);
            bySource.computeIfAbsent(String.valueOf(row.sourceType()), key -> new RunMetrics()).add(sample);
            byLanguage.computeIfAbsent(String.valueOf(row.language()), key -> new RunMetrics()).add(sample);
        });
        RunSlices slices = new RunSlices(summaries(bySource), summaries(byLanguage));
        MetricsSummary metrics = overall.summary();
        if (!behavioural.isEmpty()) {
            List<Check> judged = new BehaviouralChecks().judge(behavioural, readings::get);
            checks.insert(run.id(), judged);
            metrics = metrics.withExpectations(ExpectationSummary.of(judged));
        }
        runs.complete(run.id(), (int) overall.samples(), metrics, slices, servedVersion[0]);
    }

    private static Map<String, MetricsSummary> summaries(Map<String, RunMetrics> metrics) {
        Map<String, MetricsSummary> summaries = new LinkedHashMap<>();
        metrics.forEach((key, value) -> summaries.put(key, value.summary()));
        return summaries;
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
