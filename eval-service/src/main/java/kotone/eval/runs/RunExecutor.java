package kotone.eval.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kotone.core.behaviour.BehaviouralChecks;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.Check;
import kotone.core.behaviour.ExpectationSummary;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.metrics.EvalSample;
import kotone.core.metrics.RunMetrics;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.eval.checks.CheckRepository;
import kotone.eval.clients.InterpreterClient;
import kotone.eval.clients.ScoringClient;
import kotone.eval.config.EvalConfig;
import kotone.eval.sets.EvalItem;
import kotone.eval.sets.EvalSetRepository;

/**
 * Executes one claimed run: the items without a sample yet, a page at a time; each item through the interpreter
 * (bounded concurrency) in its own trace, the top recommendation of each item with a target scored against the
 * target's profile, the page's samples stored at once. Then the metrics, overall and per slice, and the behavioural
 * checks of the set's expectations and relations with their pass rates.
 */
@ApplicationScoped
public class RunExecutor {

    private final EvalSetRepository sets;
    private final RunRepository runs;
    private final SampleRepository samples;
    private final CheckRepository checks;
    private final InterpreterClient interpreter;
    private final ScoringClient scoring;
    private final ProfileDerivation derivation;
    private final EvalConfig config;
    private final Tracer tracer;
    private final ExecutorService calls;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public RunExecutor(io.micrometer.core.instrument.MeterRegistry meters, EvalSetRepository sets, RunRepository runs, SampleRepository samples,
            CheckRepository checks, InterpreterClient interpreter, ScoringClient scoring, ProfileDerivation derivation, EvalConfig config,
            OpenTelemetry telemetry) {
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
        this.calls = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "kotone-eval-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    void shutdown() {
        calls.shutdownNow();
    }

    /** Processes one claimed chunk of a run: its items without a sample yet, through the interpreter, scored and stored. */
    public void executeChunk(EvalRun run, RunRepository.Chunk chunk, String instance) throws InterruptedException {
        EvalMode mode = EvalMode.fromKey(run.mode()).orElseThrow();
        Double price = config.priceTable().usdPerRequest().get(mode.key());
        io.opentelemetry.api.trace.SpanContext origin = origin(runs.originTraceparent(run.id()).orElse(null));
        List<EvalItem> page = sets.pendingItems(run.datasetId(), run.id(), chunk.firstItem(), chunk.lastItem());
        if (run.itemOrderSeed() != null) {
            // the A/A calibration's repeat run asks its items in another order, to show what order alone changes
            java.util.Collections.shuffle(page, new java.util.Random(run.itemOrderSeed() * 31 + chunk.chunkNo()));
        }
        List<Future<SampleRow>> futures = new ArrayList<>(page.size());
        for (EvalItem item : page) {
            futures.add(calls.submit(() -> sample(run, mode, item, price, origin)));
        }
        List<SampleRow> rows = new ArrayList<>(page.size());
        for (Future<SampleRow> future : futures) {
            try {
                rows.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a sample could not be built", e.getCause());
            }
        }
        int stored = rows.isEmpty() ? 0 : samples.insert(run.id(), rows);
        meters.counter("kotone.eval.samples", "mode", mode.key()).increment(stored);
        runs.chunkDone(chunk, instance);
        runs.completeIfFinished(run.id(), (connection, current) -> complete(connection, current));
    }

    /** The span that queued the run (at the gateway and the eval service), as a link target; null when unknown. */
    private static io.opentelemetry.api.trace.SpanContext origin(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        if (parts.length != 4) {
            return null;
        }
        // the request's own sampling decision carries over: an unsampled request gives unsampled samples
        return io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(parts[1], parts[2],
                io.opentelemetry.api.trace.TraceFlags.fromHex(parts[3], 0), io.opentelemetry.api.trace.TraceState.getDefault());
    }

    /**
     * One sample: the span "eval.sample" with the interpreter's POST /interpret under it, then the scoring service's
     * POST /score for the top recommendation. In a run of up to {@code trace-parent-max-items} items it is a child
     * of the request that queued the run (so its trace reads gateway -> eval -> interpreter -> scoring); in larger
     * runs it is a trace of its own with a link to that request.
     */
    private SampleRow sample(EvalRun run, EvalMode mode, EvalItem item, Double price, io.opentelemetry.api.trace.SpanContext origin) {
        io.opentelemetry.api.trace.SpanBuilder builder = tracer.spanBuilder("eval.sample").setSpanKind(SpanKind.INTERNAL);
        if (origin != null && origin.isValid() && run.progress().total() <= config.traceParentMaxItems()) {
            // the sample continues the trace of the request that queued the run: gateway -> eval -> interpreter -> scoring
            builder.setParent(Context.root().with(Span.wrap(origin)));
        } else {
            // a large run would make one enormous trace: each sample gets its own, linked to the request
            builder.setNoParent();
            if (origin != null && origin.isValid()) {
                builder.addLink(origin);
            }
        }
        Span span = builder
                .setAttribute("kotone.eval.run_id", run.id().toString())
                .setAttribute("kotone.eval.item_no", item.itemNo())
                .setAttribute("kotone.eval.mode", mode.key())
                .startSpan();
        try {
            Context context = Context.current().with(span);
            long start = System.nanoTime();
            InterpreterClient.Answer answer = interpreter.interpret(item.requestText(), item.weather(), mode.interpreterMode(), mode.llmModel(),
                    mode.readsModelVersion() ? localVersion(run.modelVersion()) : null, context);
            double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
            String traceId = span.getSpanContext().getTraceId();
            String traceUrl = config.traceUrlTemplate().replace("{traceId}", traceId);
            if (!answer.ok()) {
                return new SampleRow(item.itemNo(), false, item.requestText(), item.sourceType(), item.language(), item.target(), null, null,
                        null, null, null, false, null, latencyMs, price, null, null, traceId, null, traceUrl, answer.error());
            }
            JsonNode body = answer.body();
            JsonNode meta = body.path("meta");
            String served = meta.path("modelSource").asText(null);
            boolean servedAsAsked = mode.servedBy(served);
            boolean jsonValid = meta.path("jsonValid").asBoolean(false) && servedAsAsked;
            MusicVector predicted = jsonValid ? vector(body.path("hiddenParams").path("vector")) : null;
            SampleJudgement judgement = predicted == null || item.target() == null ? null : SampleJudgement.of(predicted, item.target(), derivation);
            String parseError = meta.path("parseError").isTextual() ? meta.path("parseError").asText()
                    : servedAsAsked ? null : "served by " + served + " instead of " + mode.key();
            String[] top = topParts(body.path("recommended"));
            Integer intent = predicted == null || top == null || item.target() == null ? null : scoring.total(new ScoringClient.Request(selection(top),
                    derivation.profile(item.target())), context);
            // auto may call a priced LLM or not, request by request: the interpreter's own price of the answer counts
            Double cost = mode == EvalMode.AUTO ? (meta.path("costUsd").isNumber() ? meta.path("costUsd").asDouble() : null) : price;
            return new SampleRow(item.itemNo(), true, item.requestText(), item.sourceType(), item.language(), item.target(), predicted,
                    judgement, served, meta.path("modelVersion").asText(null), meta.path("fallbackReason").asText(null), jsonValid,
                    parseError, latencyMs, cost, intent, top, traceId, meta.path("traceId").asText(null), traceUrl, null);
        } finally {
            span.end();
        }
    }

    private static Map<String, String> selection(String[] top) {
        Map<String, String> selection = new LinkedHashMap<>();
        for (Slot slot : Slot.ALL) {
            selection.put(slot.key(), top[slot.ordinal()]);
        }
        return selection;
    }

    private void complete(java.sql.Connection connection, EvalRun run) throws java.sql.SQLException {
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
        Map<String, Object> slices = new LinkedHashMap<>();
        slices.put("bySourceType", asMaps(bySource));
        slices.put("byLanguage", asMaps(byLanguage));
        Map<String, Object> metrics = overall.asMap();
        if (!behavioural.isEmpty()) {
            List<Check> judged = new BehaviouralChecks().judge(behavioural, readings::get);
            checks.insert(connection, run.id(), judged);
            ExpectationSummary summary = ExpectationSummary.of(judged);
            metrics.put("expectation_pass_rate", summary.passRate());
            metrics.put("expectations", summary);
        }
        runs.complete(connection, run.id(), (int) overall.samples(), metrics, slices, servedVersion[0]);
    }

    private static Map<String, Object> asMaps(Map<String, RunMetrics> metrics) {
        Map<String, Object> maps = new LinkedHashMap<>();
        metrics.forEach((key, value) -> maps.put(key, value.asMap()));
        return maps;
    }

    private static MusicVector vector(JsonNode node) {
        int[] values = new int[Dimension.COUNT];
        for (Dimension dimension : Dimension.ALL) {
            values[dimension.ordinal()] = MusicVector.clamp(node.path(dimension.key()).asInt(MusicVector.NEUTRAL));
        }
        return MusicVector.of(values);
    }

    private static String[] topParts(JsonNode recommended) {
        String[] top = new String[Slot.ALL.size()];
        for (Slot slot : Slot.ALL) {
            JsonNode first = recommended.path(slot.key()).path(0);
            if (!first.isTextual()) {
                return null;
            }
            top[slot.ordinal()] = first.asText();
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
