package kotone.eval.runs;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.context.api.ManagedExecutorConfig;
import io.smallrye.context.api.NamedInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import kotone.common.client.Outage;
import kotone.common.tracing.Traceparent;
import kotone.core.behaviour.BehaviouralChecks;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.Check;
import kotone.core.behaviour.ExpectationSummary;
import kotone.core.metrics.EvalSample;
import kotone.core.metrics.MetricsSummary;
import kotone.core.metrics.RunMetrics;
import kotone.core.vector.MusicVector;
import kotone.eval.checks.CheckRepository;
import kotone.eval.config.EvalConfig;
import kotone.eval.sets.EvalItem;
import kotone.eval.sets.EvalSetRepository;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Executes one claimed chunk of a run: the items without a sample yet, sampled by {@link Sampler} (at most
 * {@code kotone.eval.concurrency} calls in flight per instance, across the chunks it has open), the chunk's samples
 * stored at once. Then the metrics, overall and per slice, and the behavioural checks of the set's expectations and
 * relations with their pass rates.
 */
@ApplicationScoped
public class RunExecutor {

    private final EvalSetRepository sets;
    private final RunRepository runs;
    private final SampleRepository samples;
    private final CheckRepository checks;
    private final Sampler sampler;
    private final EvalConfig config;
    private final ManagedExecutor background;
    private final ManagedExecutor chunkEnds;
    private final Semaphore callSlots;
    private final MeterRegistry meters;

    public RunExecutor(MeterRegistry meters, EvalSetRepository sets, RunRepository runs, SampleRepository samples, CheckRepository checks,
            Sampler sampler, EvalConfig config,
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
        this.sampler = sampler;
        this.config = config;
        this.meters = meters;
        this.background = background;
        this.chunkEnds = chunkEnds;
        this.callSlots = new Semaphore(config.concurrency());
    }

    /**
     * Starts one claimed chunk of a run: asks its items without a sample yet (one per call, or a batch per call in the
     * in-process modes), each call as soon as one of the instance's {@code kotone.eval.concurrency} call slots is free,
     * and returns once all are asked. The chunk ends on another
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
        Sampler.RunContext context = new Sampler.RunContext(run, mode, price, origin);
        int perCall = sampler.itemsPerCall(mode);
        List<CompletableFuture<List<Sampler.Attempt>>> calls = new ArrayList<>();
        for (int first = 0; first < page.size(); first += perCall) {
            List<EvalItem> items = page.subList(first, Math.min(page.size(), first + perCall));
            callSlots.acquire();
            CompletableFuture<List<Sampler.Attempt>> call;
            try {
                call = CompletableFuture.supplyAsync(() -> sampler.sample(context, items), background);
            } catch (RuntimeException e) {
                callSlots.release();
                throw e;
            }
            calls.add(call.whenComplete((result, failure) -> callSlots.release()));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> endChunk(run, mode, chunk, instance, calls), chunkEnds);
    }

    private void endChunk(EvalRun run, EvalMode mode, RunRepository.Chunk chunk, String instance,
            List<CompletableFuture<List<Sampler.Attempt>>> calls) {
        List<SampleRow> rows = new ArrayList<>();
        Outage outage = null;
        for (CompletableFuture<List<Sampler.Attempt>> call : calls) {
            for (Sampler.Attempt done : call.join()) {
                if (done.sample() != null) {
                    rows.add(done.sample());
                } else if (outage == null) {
                    outage = done.outage();
                }
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
}
