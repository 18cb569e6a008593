package kotone.eval.cards;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.common.problem.ProblemException;
import kotone.core.gate.GateMetric;
import kotone.core.gate.PairedUnits;
import kotone.core.stats.Interval;
import kotone.core.stats.PairedBootstrap;
import kotone.common.client.DependencyDown;
import kotone.common.client.UpstreamRefused;
import kotone.eval.clients.DatasetCalls;
import kotone.eval.config.EvalConfig;
import kotone.eval.gate.GateEvidence;
import kotone.eval.gate.GateFailed;
import kotone.eval.gate.GateRuns;
import kotone.eval.guards.GuardService;
import kotone.eval.runs.EvalMode;
import kotone.eval.sets.EvalSet;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The guard table of a model card: a version in the rule, local and auto modes on every guard, each metric paired unit by
 * unit as the gate pairs it, and auto against the better single source with a paired bootstrap interval. Recent runs of
 * the version are reused (the gate's runs of a candidate, in auto), and a run with failed calls makes no report: an
 * outage is not a model's result.
 */
@ApplicationScoped
public class ModelCards {

    private static final Logger LOG = Logger.getLogger(ModelCards.class);

    private final GateRuns runs;
    private final GateEvidence evidence;
    private final GuardService guards;
    private final DatasetCalls dataset;
    private final EvalConfig config;
    private final ManagedExecutor background;

    public ModelCards(GateRuns runs, GateEvidence evidence, GuardService guards, DatasetCalls dataset, EvalConfig config, ManagedExecutor background) {
        this.runs = runs;
        this.evidence = evidence;
        this.guards = guards;
        this.dataset = dataset;
        this.config = config;
        this.background = background;
    }

    /** Starts measuring a version in the background (202); the card shows {@code running} until it is done. */
    public ModelCardView start(int version, String traceparent) {
        if (dataset.model(version).isEmpty()) {
            throw new ProblemException(Problem.of(404, "Not Found", "no model version " + version,
                    List.of(new FieldError("modelVersion", "unknown model version"))));
        }
        dataset.recordGuardReport(version, GuardReport.running());
        background.execute(() -> measureAndRecord(version, traceparent));
        return new ModelCardView(version, "running", "/api/v1/models/" + version);
    }

    /** Measures a version now and records the report on its card; a report that cannot be made is recorded as failed. */
    public GuardReport measureAndRecord(int version, String traceparent) {
        GuardReport report;
        try {
            report = GuardReport.completed(measure(version, traceparent));
        } catch (GateFailed e) {
            report = GuardReport.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "the guard report of model %d failed", version);
            report = GuardReport.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        try {
            dataset.recordGuardReport(version, report);
        } catch (DependencyDown | UpstreamRefused e) {
            LOG.warnf("the model registry could not record the guard report of model %d: %s", version, e.getMessage());
        }
        return report;
    }

    private record SetRuns(EvalSet set, UUID rule, UUID local, UUID auto) {
    }

    private List<GuardRow> measure(int version, String traceparent) {
        List<SetRuns> setRuns = new ArrayList<>();
        List<UUID> all = new ArrayList<>();
        for (EvalSet set : guards.sets()) {
            SetRuns queued = new SetRuns(set, runs.unversionedRunOf(set, EvalMode.RULE_BASELINE, traceparent),
                    runs.runOf(set, version, EvalMode.LOCAL_MODEL, traceparent), runs.runOf(set, version, EvalMode.AUTO, traceparent));
            setRuns.add(queued);
            all.addAll(List.of(queued.rule(), queued.local(), queued.auto()));
        }
        runs.await(all);
        List<GuardRow> rows = new ArrayList<>();
        for (SetRuns set : setRuns) {
            for (GateMetric metric : set.set().gateMetrics()) {
                rows.add(row(set, metric));
            }
        }
        return rows;
    }

    private GuardRow row(SetRuns set, GateMetric metric) {
        PairedUnits ruleVsAuto = evidence.pair(metric, set.rule(), set.auto(), Set.of(), List.of()).units();
        PairedUnits localVsAuto = evidence.pair(metric, set.local(), set.auto(), Set.of(), List.of()).units();
        double rule = ruleVsAuto.championMean();
        double local = localVsAuto.championMean();
        boolean ruleIsBest = metric.lowerIsBetter() ? rule <= local : rule >= local;
        PairedUnits versusBest = ruleIsBest ? ruleVsAuto : localVsAuto;
        PairedBootstrap.Result result = new PairedBootstrap(config.gate().settings().resamples()).run(versusBest.differences(),
                config.gate().settings().seed());
        Interval interval = result.interval(0.95);
        boolean noWorse = metric.lowerIsBetter() ? interval.low() <= 0 : interval.high() >= 0;
        return new GuardRow(set.set().id(), metric.key(), rule, local, versusBest.candidateMean(), ruleIsBest ? "rule" : "local", result.mean(),
                interval.low(), interval.high(), noWorse, set.rule().toString(), set.local().toString(), set.auto().toString());
    }
}
