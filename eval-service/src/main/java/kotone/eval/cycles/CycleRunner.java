package kotone.eval.cycles;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import kotone.common.client.DependencyDown;
import kotone.common.problem.ProblemException;
import kotone.core.gate.GateDecision;
import kotone.eval.analysis.FailureAnalysis;
import kotone.eval.analysis.FailureReport;
import kotone.eval.cards.ModelCards;
import kotone.eval.clients.CallOutcome;
import kotone.eval.clients.DatasetApi;
import kotone.eval.clients.DatasetCalls;
import kotone.eval.clients.GenerateCall;
import kotone.eval.clients.InterpreterCalls;
import kotone.eval.clients.Lineage;
import kotone.eval.config.EvalConfig;
import kotone.eval.config.InstanceName;
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
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Runs improvement cycles one at a time in the background, recording every step: (1) evaluate the promoted
 * model, (2) analyse its failures, (3) augment (catalog-teacher pairs aimed at the focus dimensions, in the training
 * phrasing, and the hard cases replayed, each pair keeping the run and samples it came from), (4) filter and split a
 * new dataset version, (5) train a candidate, (6) evaluate it on the same set, (7) the promotion gate: a gate check on
 * the target and every guard, paired item by item, with every item any cycle replayed set aside on the target,
 * (8) the candidate's model card, (9) promote through that check, or reject. A failed step is recorded with its
 * error and leaves the promoted model as it was. The cycle belongs to this instance (see
 * {@link kotone.eval.leases.LeaseKeeper}); if another instance failed it as abandoned, this one stops before promoting.
 */
@ApplicationScoped
public class CycleRunner {

    private static final Logger LOG = Logger.getLogger(CycleRunner.class);
    private static final long POLL_MS = 200;

    private final CycleRepository cycles;
    private final EvalSetRepository sets;
    private final RunRepository runs;
    private final RunWorker worker;
    private final FailureAnalysis failures;
    private final GateChecks gates;
    private final GuardService guards;
    private final ModelCards cards;
    private final DatasetCalls dataset;
    private final InterpreterCalls interpreter;
    private final EvalConfig config;
    private final ObjectMapper json;
    private final String instance;
    private final ManagedExecutor background;

    public CycleRunner(CycleRepository cycles, EvalSetRepository sets, RunRepository runs, RunWorker worker, FailureAnalysis failures,
            GateChecks gates, GuardService guards, ModelCards cards, DatasetCalls dataset, InterpreterCalls interpreter, EvalConfig config,
            ObjectMapper json, InstanceName instance, ManagedExecutor background) {
        this.cycles = cycles;
        this.sets = sets;
        this.runs = runs;
        this.worker = worker;
        this.failures = failures;
        this.gates = gates;
        this.guards = guards;
        this.cards = cards;
        this.dataset = dataset;
        this.interpreter = interpreter;
        this.config = config;
        this.json = json;
        this.instance = instance.get();
        this.background = background;
    }

    public CycleView start(StartCycleRequest request, String caller) {
        EvalSet set = sets.find(request.datasetId()).orElseThrow(() -> ProblemException.notFound("no eval set " + request.datasetId()));
        CycleSettings settings = new CycleSettings(request.augmentPairs() == null ? config.cycle().augmentPairs() : request.augmentPairs(),
                config.cycle().topK(), request.seed() == null ? System.currentTimeMillis() : request.seed(), gates.mode().key(),
                config.gate().settings());
        Cycle cycle = cycles.start(set.id(), settings, caller, instance);
        int n = cycle.n;
        background.execute(() -> run(n, set, settings, caller));
        return cycles.view(n).orElseThrow();
    }

    private void run(int n, EvalSet set, CycleSettings settings, String caller) {
        Steps steps = new Steps(n);
        try {
            // (1) the promoted model on the eval set
            int champion = dataset.promotedModel().map(DatasetApi.ModelEntry::version)
                    .orElseThrow(() -> new StepFailed("no model is promoted: run ./kotone bootstrap first"));
            owned(cycles.promotedVersion(n, instance, champion));
            EvalRun base = steps.run("evaluate_promoted", new StepRecords.Evaluate(set.id(), champion), () -> evaluate(set, champion),
                    run -> new StepRecords.EvaluateOutputs(run.id(), run.metrics()));

            // (2) failure analysis
            FailureReport analysis = steps.run("failure_analysis", new StepRecords.Analyse(base.id(), settings.topK()),
                    () -> failures.analyse(base.id(), settings.topK()), report -> report);
            List<String> focus = analysis.focusDimensions();
            owned(cycles.focus(n, instance, focus));
            List<FailureReport.HardCase> hard = analysis.cases().stream().filter(hardCase -> hardCase.target() != null).toList();

            // (3) augmentation with lineage; the replayed items are recorded, so every later gate on this set sets them aside
            StepRecords.AugmentOutputs augmented = steps.run("augmentation", new StepRecords.Augment(focus, hard.size()),
                    () -> augment(n, set, base, focus, hard, settings), outputs -> outputs);

            // (4) filter and split into a new dataset version
            DatasetApi.DatasetVersionSummary version = steps.run("filter_split", new StepRecords.Split(settings.seed()),
                    () -> dataset.createDataset(new DatasetApi.CreateDatasetCall(settings.seed())), summary -> summary);

            // (5) train a candidate
            DatasetApi.TrainingJobView job = steps.run("train", new StepRecords.Train(version.id()), () -> train(version.id()), view -> view);
            int candidate = job.modelVersion();
            owned(cycles.candidateVersion(n, instance, candidate));
            // from now until the gate, live requests are also read by the candidate, in the interpreter's background
            dataset.shadow(candidate, "system:cycle-" + n);

            // (6) the candidate on the same eval set
            steps.run("evaluate_candidate", new StepRecords.Evaluate(set.id(), candidate), () -> evaluate(set, candidate),
                    run -> new StepRecords.EvaluateOutputs(run.id(), run.metrics()));

            // (7) the gate: the target and every guard, paired item by item, as a stored gate check
            Set<Integer> setAside = cycles.replayedItems(set.id());
            GateCheckView check = steps.run("promotion_gate", new StepRecords.Gate(focus, setAside.size(),
                    guards.sets().stream().map(EvalSet::id).toList()), () -> {
                GateCheckView judged = gates.judgeForCycle(n, caller, new GateRequest(champion, candidate, set, List.of(), setAside,
                        GateChecks.dimensions(focus), null));
                if (judged.decision() == null || !"completed".equals(judged.status())) {
                    throw new StepFailed("the gate could not judge: " + judged.error());
                }
                return judged;
            }, judged -> new StepRecords.GateOutputs(judged.id(), judged.decision()));
            owned(cycles.gateCheck(n, instance, check.id()));
            GateDecision decision = check.decision();

            // (8) the candidate's model card: the rules, the local model and auto on every guard (never stops the cycle)
            steps.run("model_card", new StepRecords.Card(candidate), () -> cards.measureAndRecord(candidate, null),
                    report -> new StepRecords.CardOutputs(report.status(), report.guards().size()));

            // (9) promote (through the passed check) or reject, while this instance still owns the cycle
            owned(cycles.heartbeat(instance) > 0);
            CycleDecision outcome = steps.run(decision.promote() ? "promote" : "reject", new StepRecords.Decide(candidate), () -> {
                String reload = null;
                if (decision.promote()) {
                    dataset.promote(candidate, new DatasetApi.PromoteCall(check.id(), false, "improvement cycle " + n), caller);
                    reload = reloadInterpreter();
                }
                return new CycleDecision(decision.promote(), decision.reasons(), decision.target(), decision.guards(), decision.live(),
                        champion, candidate, check.id(), reload);
            }, recorded -> recorded);
            if (!cycles.finish(n, instance, decision.promote() ? Cycle.Status.promoted : Cycle.Status.rejected, outcome)) {
                LOG.warnf("cycle %d finished after another instance had failed it as abandoned; its decision is in its last step", n);
            }
        } catch (LostOwnership e) {
            LOG.warnf("cycle %d was failed as abandoned by another instance; this instance stops working on it", n);
        } catch (StepFailed | DependencyDown e) {
            cycles.fail(n, instance, steps.current, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "cycle %d failed at %s", n, steps.current);
            cycles.fail(n, instance, steps.current, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void owned(boolean stillOwned) {
        if (!stillOwned) {
            throw new LostOwnership();
        }
    }

    private StepRecords.AugmentOutputs augment(int n, EvalSet set, EvalRun base, List<String> focus, List<FailureReport.HardCase> hard,
            CycleSettings settings) {
        String runId = base.id().toString();
        DatasetApi.ImportSummary focused = dataset.generate(GenerateCall.focused(settings.augmentPairs(), settings.seed(), focus,
                Lineage.ofCycle(n, runId, focus, hard.stream().map(FailureReport.HardCase::itemNo).toList())));
        List<GenerateCall.Replay> replay = new ArrayList<>();
        for (FailureReport.HardCase hardCase : hard) {
            replay.add(new GenerateCall.Replay(hardCase.requestText(), hardCase.target(),
                    Lineage.ofHardCase(n, runId, hardCase.itemNo(), hardCase.traceId())));
        }
        cycles.recordReplayed(set.id(), hard.stream().map(FailureReport.HardCase::itemNo).toList(), n);
        DatasetApi.ImportSummary replayed = replay.isEmpty() ? null
                : dataset.generate(GenerateCall.replayed(replay, Lineage.ofReplayBatch(n, runId, set.id())));
        return new StepRecords.AugmentOutputs(focused, replayed);
    }

    private DatasetApi.TrainingJobView train(String datasetId) {
        DatasetApi.TrainingJobView job = dataset.startTraining(new DatasetApi.StartTrainingCall(datasetId,
                config.cycle().trainingMethods().orElse(null)));
        long deadline = System.currentTimeMillis() + config.cycle().stepTimeoutMs();
        while (System.currentTimeMillis() < deadline) {
            DatasetApi.TrainingJobView state = dataset.trainingJob(job.id());
            if ("completed".equals(state.status())) {
                return state;
            }
            if ("failed".equals(state.status())) {
                throw new StepFailed("training job " + job.id() + " failed: " + state.error());
            }
            pause();
        }
        throw new StepFailed("training job " + job.id() + " did not finish within " + config.cycle().stepTimeoutMs() + " ms");
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
            pause();
        }
        throw new StepFailed("eval run " + id + " did not finish within " + config.cycle().stepTimeoutMs() + " ms");
    }

    private String reloadInterpreter() {
        CallOutcome<?> reloaded = interpreter.reload();
        if (reloaded instanceof CallOutcome.Down<?> down) {
            return "the interpreter will load it at its next poll (" + down.outage().reason() + ")";
        }
        if (reloaded instanceof CallOutcome.Refused<?> refused) {
            return "the interpreter refused to reload (" + refused.detail() + "); it will load it at its next poll";
        }
        return "the interpreter loaded it";
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
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

    /** Another instance failed this cycle as abandoned: this one stops without touching it. */
    private static final class LostOwnership extends RuntimeException {
        LostOwnership() {
            super("the cycle is no longer this instance's", null, false, false);
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

        /** Runs a step and records what it took and gave (as {@code recorded} makes it of the result). */
        <T, R> T run(String name, Object inputs, Supplier<T> work, java.util.function.Function<T, R> recorded) {
            number++;
            current = name;
            cycles.stepStarted(n, number, name, json.valueToTree(inputs));
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                cycles.stepFailed(n, number, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                throw e;
            }
            cycles.stepCompleted(n, number, json.valueToTree(recorded.apply(result)));
            return result;
        }
    }
}
