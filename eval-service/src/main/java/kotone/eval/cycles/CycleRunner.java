package kotone.eval.cycles;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kotone.common.problem.ProblemException;
import kotone.core.gate.GateDecision;
import kotone.eval.analysis.FailureAnalysis;
import kotone.eval.cards.GuardReport;
import kotone.eval.cards.ModelCards;
import kotone.eval.clients.DatasetClient;
import kotone.eval.config.EvalConfig;
import kotone.eval.gate.GateCheckView;
import kotone.eval.gate.GateChecks;
import kotone.eval.gate.GateRequest;
import kotone.eval.gate.GateRuns;
import kotone.eval.guards.GuardService;
import kotone.eval.runs.EvalRun;
import kotone.eval.runs.RunRepository;
import kotone.eval.runs.RunWorker;
import kotone.eval.sets.EvalSet;
import kotone.eval.sets.EvalSetRepository;
import org.jboss.logging.Logger;

/**
 * Runs improvement cycles one at a time in the background, recording every step: (1) evaluate the promoted
 * model, (2) analyse its failures, (3) augment (catalog-teacher pairs aimed at the focus dimensions, in the training
 * phrasing, and the hard cases replayed, each pair keeping the run and samples it came from), (4) filter and split a
 * new dataset version, (5) train a candidate, (6) evaluate it on the same set, (7) the promotion gate: a gate check on
 * the target and every guard, paired item by item, with every item any cycle replayed set aside on the target,
 * (8) promote through that check, or reject. A failed step is recorded with its error and leaves the promoted model
 * as it was.
 */
@ApplicationScoped
public class CycleRunner {

    private static final Logger LOG = Logger.getLogger(CycleRunner.class);

    private final CycleRepository cycles;
    private final EvalSetRepository sets;
    private final RunRepository runs;
    private final RunWorker worker;
    private final FailureAnalysis failures;
    private final GateChecks gates;
    private final GuardService guards;
    private final ModelCards cards;
    private final DatasetClient dataset;
    private final EvalConfig config;
    private final HttpClient http;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kotone-eval-cycles");
        thread.setDaemon(true);
        return thread;
    });

    public CycleRunner(CycleRepository cycles, EvalSetRepository sets, RunRepository runs, RunWorker worker, FailureAnalysis failures,
            GateChecks gates, GuardService guards, ModelCards cards, DatasetClient dataset, EvalConfig config, HttpClient http) {
        this.cycles = cycles;
        this.sets = sets;
        this.runs = runs;
        this.worker = worker;
        this.failures = failures;
        this.gates = gates;
        this.guards = guards;
        this.cards = cards;
        this.dataset = dataset;
        this.config = config;
        this.http = http;
    }

    void onStart(@Observes StartupEvent event) {
        int failed = cycles.failUnfinished();
        if (failed > 0) {
            LOG.warnf("%d improvement cycle(s) were interrupted by a restart and marked failed", failed);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.shutdownNow();
    }

    public Map<String, Object> start(StartCycleRequest request, String caller) {
        EvalSet set = sets.find(request.datasetId()).orElseThrow(() -> ProblemException.notFound("no eval set " + request.datasetId()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("augmentPairs", request.augmentPairs() == null ? config.cycle().augmentPairs() : request.augmentPairs());
        settings.put("topK", config.cycle().topK());
        settings.put("seed", request.seed() == null ? System.currentTimeMillis() : request.seed());
        settings.put("mode", gates.mode().key());
        settings.put("gate", config.gate().settings());
        int n = cycles.start(set.id(), settings, caller);
        loop.submit(() -> run(n, set, settings, caller));
        return cycles.find(n).orElseThrow();
    }

    private void run(int n, EvalSet set, Map<String, Object> settings, String caller) {
        Steps steps = new Steps(n);
        try {
            // (1) the promoted model on the eval set
            int[] promotedVersion = {0};
            EvalRun base = steps.run("evaluate_promoted", Map.of("datasetId", set.id()), () -> {
                JsonNode model = dataset.promotedModel();
                if (model == null) {
                    throw new StepFailed("no model is promoted: run ./kotone bootstrap first");
                }
                promotedVersion[0] = model.get("version").asInt();
                cycles.set(n, "promoted_version", promotedVersion[0]);
                return evaluate(set, promotedVersion[0]);
            });

            // (2) failure analysis
            Map<String, Object> analysis = steps.run("failure_analysis", Map.of("runId", base.id(), "topK", settings.get("topK")),
                    () -> failures.analyse(base.id(), (Integer) settings.get("topK")));
            @SuppressWarnings("unchecked")
            List<String> focus = (List<String>) analysis.get("focusDimensions");
            cycles.focus(n, focus);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> hard = ((List<Map<String, Object>>) analysis.get("cases")).stream()
                    .filter(hardCase -> hardCase.get("target") != null).toList();

            // (3) augmentation with lineage; the replayed items are recorded, so every later gate on this set sets them aside
            long seed = ((Number) settings.get("seed")).longValue();
            Map<String, Object> augmentation = steps.run("augmentation", Map.of("focusDimensions", focus, "hardCases", hard.size()),
                    () -> augment(n, set, base, focus, hard, (Integer) settings.get("augmentPairs"), seed));

            // (4) filter and split into a new dataset version
            JsonNode version = steps.run("filter_split", Map.of("seed", seed), () -> dataset.createDataset(Map.of("seed", seed)));
            String datasetId = version.get("id").asText();

            // (5) train a candidate
            JsonNode job = steps.run("train", Map.of("datasetId", datasetId), () -> train(datasetId));
            int candidate = job.get("modelVersion").asInt();
            cycles.set(n, "candidate_version", candidate);

            // (6) the candidate on the same eval set
            steps.run("evaluate_candidate", Map.of("modelVersion", candidate, "datasetId", set.id()), () -> evaluate(set, candidate));

            // (7) the gate: the target and every guard, paired item by item, as a stored gate check
            Set<Integer> setAside = cycles.replayedItems(set.id());
            GateCheckView check = steps.run("promotion_gate", Map.of("focusDimensions", focus, "setAside", setAside.size(),
                    "guards", guards.sets().stream().map(EvalSet::id).toList()), () -> {
                GateCheckView judged = gates.judgeForCycle(n, caller, new GateRequest(promotedVersion[0], candidate, set, List.of(), setAside,
                        GateChecks.dimensions(focus), null));
                if (judged.decision() == null || !"completed".equals(judged.status())) {
                    throw new StepFailed("the gate could not judge: " + judged.error());
                }
                return judged;
            });
            cycles.gateCheck(n, check.id());
            GateDecision decision = check.decision();

            // (8) the candidate's model card: the rules, the local model and auto on every guard (never stops the cycle)
            steps.run("model_card", Map.of("modelVersion", candidate), () -> {
                GuardReport report = cards.measureAndRecord(candidate, null);
                return Map.of("status", report.status(), "guards", report.guards().size());
            });

            // (9) promote (through the passed check) or reject
            CycleDecision outcome = steps.run(decision.promote() ? "promote" : "reject", Map.of("candidateVersion", candidate), () -> {
                String reload = null;
                if (decision.promote()) {
                    dataset.promote(candidate, check.id(), "improvement cycle " + n, caller);
                    reload = reloadInterpreter();
                }
                return new CycleDecision(decision.promote(), decision.reasons(), decision.target(), decision.guards(), promotedVersion[0],
                        candidate, check.id(), reload);
            });
            cycles.finish(n, decision.promote() ? "promoted" : "rejected", outcome);
        } catch (StepFailed e) {
            cycles.fail(n, steps.current, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "cycle %d failed at %s", n, steps.current);
            cycles.fail(n, steps.current, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Map<String, Object> augment(int n, EvalSet set, EvalRun base, List<String> focus, List<Map<String, Object>> hard, int count,
            long seed) {
        List<Integer> sampleItems = hard.stream().map(c -> (Integer) c.get("itemNo")).toList();
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("cycle", n);
        lineage.put("runId", base.id().toString());
        lineage.put("focusDimensions", focus);
        lineage.put("sampleItemNos", sampleItems);
        Map<String, Object> focused = new LinkedHashMap<>();
        focused.put("generator", "catalog");
        focused.put("count", count);
        focused.put("seed", seed);
        focused.put("focusDimensions", focus);
        focused.put("lineage", lineage);
        JsonNode generated = dataset.generate(focused);
        List<Map<String, Object>> replay = new ArrayList<>();
        for (Map<String, Object> hardCase : hard) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("requestText", hardCase.get("requestText"));
            pair.put("vector", hardCase.get("target"));
            pair.put("lineage", Map.of("cycle", n, "runId", base.id().toString(), "itemNo", hardCase.get("itemNo"),
                    "traceId", String.valueOf(hardCase.get("traceId"))));
            replay.add(pair);
        }
        cycles.recordReplayed(set.id(), hard.stream().map(hardCase -> (Integer) hardCase.get("itemNo")).toList(), n);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("focused", generated);
        if (!replay.isEmpty()) {
            outputs.put("replayed", dataset.generate(Map.of("generator", "replay", "replay", replay,
                    "lineage", Map.of("cycle", n, "runId", base.id().toString(), "evalSetId", set.id()))));
        }
        return outputs;
    }

    private JsonNode train(String datasetId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("datasetId", datasetId);
        config.cycle().trainingMethods().ifPresent(methods -> request.put("methods", methods));
        JsonNode job = dataset.startTraining(request);
        String id = job.get("id").asText();
        long deadline = System.currentTimeMillis() + config.cycle().stepTimeoutMs();
        while (System.currentTimeMillis() < deadline) {
            JsonNode state = dataset.trainingJob(id);
            String status = state.path("status").asText();
            if ("completed".equals(status)) {
                return state;
            }
            if ("failed".equals(status)) {
                throw new StepFailed("training job " + id + " failed: " + state.path("error").asText());
            }
            sleep(300);
        }
        throw new StepFailed("training job " + id + " did not finish within " + config.cycle().stepTimeoutMs() + " ms");
    }

    private EvalRun evaluate(EvalSet set, int modelVersion) {
        UUID id = UUID.randomUUID();
        runs.insert(id, set.id(), gates.mode().key(), set.count(), GateRuns.versionLabel(modelVersion), config.priceTable().version(),
                config.pageSize());
        worker.nudge();
        long deadline = System.currentTimeMillis() + config.cycle().stepTimeoutMs();
        while (System.currentTimeMillis() < deadline) {
            EvalRun run = runs.find(id).orElseThrow();
            if ("completed".equals(run.status())) {
                return run;
            }
            if ("failed".equals(run.status())) {
                throw new StepFailed("eval run " + id + " failed: " + run.error());
            }
            sleep(200);
        }
        throw new StepFailed("eval run " + id + " did not finish within " + config.cycle().stepTimeoutMs() + " ms");
    }

    private String reloadInterpreter() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.interpreterUrl() + "/models/reload"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return "interpreter answered " + response.statusCode();
        } catch (Exception e) {
            return "the interpreter will load it at its next poll (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    /** A step that cannot go on; its message is recorded as the cycle's error. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    /** Records each step as it starts, completes or fails. */
    private final class Steps {
        private final int n;
        private int number;
        private String current = "start";

        Steps(int n) {
            this.n = n;
        }

        <T> T run(String name, Object inputs, java.util.function.Supplier<T> work) {
            number++;
            current = name;
            cycles.stepStarted(n, number, name, inputs);
            T result = runInside(number, work);
            complete(number, result);
            return result;
        }

        <T> T runInside(int step, java.util.function.Supplier<T> work) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                cycles.stepFailed(n, step, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                throw e;
            }
        }

        void complete(int step, Object outputs) {
            Object recorded = outputs;
            if (outputs instanceof EvalRun run) {
                recorded = Map.of("runId", run.id(), "metrics", run.metrics());
            } else if (outputs instanceof GateCheckView check) {
                recorded = Map.of("gateCheckId", check.id(), "decision", check.decision());
            }
            cycles.stepCompleted(n, step, recorded);
        }
    }
}
