package kotone.eval.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kotone.common.client.DependencyDown;
import kotone.common.client.UpstreamRefused;
import kotone.core.gate.GateDecision;
import kotone.core.gate.GateMetric;
import kotone.core.gate.LiveJudgement;
import kotone.core.gate.PromotionGate;
import kotone.core.gate.SetEvidence;
import kotone.core.stats.Interval;
import kotone.core.vector.Dimension;
import kotone.eval.analysis.FailureAnalysis;
import kotone.eval.clients.DatasetApi;
import kotone.eval.clients.DatasetCalls;
import kotone.eval.config.EvalConfig;
import kotone.eval.runs.EvalMode;
import kotone.eval.runs.EvalRun;
import kotone.eval.sets.EvalSet;

/**
 * Judges a candidate against the champion on the target and every guard: both models' runs on each set (reused when
 * recent, else queued together), the champion's A/A calibration of each set (measured once per champion), the paired
 * units of each metric the set supports, and the promotion gate's decision, with the candidate's live evidence (its readings of
 * live requests while shadowed) weighed in.
 */
@ApplicationScoped
public class GateJudge {

    private final GateRuns runs;
    private final GateEvidence evidence;
    private final CalibrationRepository calibrations;
    private final EvalConfig config;
    private final DatasetCalls dataset;

    public GateJudge(GateRuns runs, GateEvidence evidence, CalibrationRepository calibrations, EvalConfig config, DatasetCalls dataset) {
        this.dataset = dataset;
        this.runs = runs;
        this.evidence = evidence;
        this.calibrations = calibrations;
        this.config = config;
    }

    public EvalMode mode() {
        return EvalMode.fromKey(config.gate().mode()).orElseThrow(() -> new IllegalStateException(
                "kotone.eval.gate.mode must be an eval mode, not " + config.gate().mode()));
    }

    /** The runs of one set: the champion's, the candidate's and, when the set has no calibration yet, the champion's repeat. */
    private record SetRuns(EvalSet set, UUID champion, UUID candidate, UUID repeat) {
    }

    public GateDecision judge(GateRequest request) {
        EvalMode mode = mode();
        PromotionGate gate = new PromotionGate(config.gate().settings());
        List<EvalSet> sets = new ArrayList<>();
        sets.add(request.target());
        request.guards().stream().filter(guard -> !guard.id().equals(request.target().id())).forEach(sets::add);

        List<SetRuns> setRuns = new ArrayList<>();
        List<UUID> all = new ArrayList<>();
        for (EvalSet set : sets) {
            UUID champion = runs.runOf(set, request.championVersion(), mode, request.traceparent());
            UUID candidate = runs.runOf(set, request.candidateVersion(), mode, request.traceparent());
            boolean calibrated = set.gateMetrics().stream().allMatch(metric -> calibration(set, request.championVersion(), mode, metric) != null);
            UUID repeat = calibrated ? null : runs.repeatOf(set, request.championVersion(), mode, request.traceparent(), config.gate().seed());
            setRuns.add(new SetRuns(set, champion, candidate, repeat));
            all.add(champion);
            all.add(candidate);
            if (repeat != null) {
                all.add(repeat);
            }
        }
        Map<UUID, EvalRun> finished = new LinkedHashMap<>();
        runs.await(all).forEach(run -> finished.put(run.id(), run));

        SetEvidence target = null;
        List<SetEvidence> guards = new ArrayList<>();
        for (SetRuns set : setRuns) {
            boolean isTarget = set.set().id().equals(request.target().id());
            List<GateMetric> metrics = set.set().gateMetrics();
            for (GateMetric metric : metrics) {
                SetEvidence.Calibration calibration = calibrate(gate, set, request.championVersion(), mode, metric);
                boolean primary = isTarget && metric == metrics.get(0);
                Set<Integer> setAside = isTarget ? request.setAside() : Set.of();
                List<Dimension> focus = primary && metric == GateMetric.VECTOR_MAE ? focus(request, finished.get(set.champion())) : List.of();
                GateEvidence.Paired paired = evidence.pair(metric, set.champion(), set.candidate(), setAside, focus);
                SetEvidence setEvidence = new SetEvidence(set.set().id(), metric, paired.units(), paired.focus(), calibration,
                        new SetEvidence.Runs(set.champion().toString(), set.candidate().toString()), setAside.size());
                if (primary) {
                    target = setEvidence;
                } else {
                    // a target's second metric is held like a guard's: it may not get worse beyond the margin
                    guards.add(setEvidence);
                }
            }
        }
        if (target == null) {
            throw new GateFailed("the target " + request.target().id() + " has neither targets nor behavioural checks to judge");
        }
        EvalRun candidateOnTarget = finished.get(setRuns.get(0).candidate());
        GateDecision decision = gate.decide(target, guards, jsonValidRate(candidateOnTarget));
        return decision.withLive(LiveJudgement.judge(request.candidateVersion(), liveEvidence(request.candidateVersion()).evidence(),
                config.gate().live().margins()));
    }

    /** The candidate's readings of live requests while shadowed; a dataset service that is down fails the check, not the model. */
    private DatasetApi.LiveEvidence liveEvidence(int candidate) {
        try {
            return dataset.liveEvidence(candidate);
        } catch (DependencyDown | UpstreamRefused e) {
            throw new GateFailed("the live evidence on v" + candidate + " could not be read, so the gate does not judge (an outage is "
                    + "not a model failure): " + e.getMessage());
        }
    }

    private List<Dimension> focus(GateRequest request, EvalRun championOnTarget) {
        if (!request.focus().isEmpty()) {
            return request.focus();
        }
        return FailureAnalysis.focusDimensions(championOnTarget.metrics()).stream()
                .map(key -> Dimension.fromKey(key).orElseThrow()).toList();
    }

    private Calibration calibration(EvalSet set, int championVersion, EvalMode mode, GateMetric metric) {
        return calibrations.find(new Calibration.Key(set.id(), championVersion, mode.key(), metric.key()));
    }

    /** The stored calibration, or one measured now from the champion's run and its repeat (then stored). */
    private SetEvidence.Calibration calibrate(PromotionGate gate, SetRuns set, int championVersion, EvalMode mode, GateMetric metric) {
        Calibration stored = calibration(set.set(), championVersion, mode, metric);
        if (stored == null && set.repeat() != null) {
            GateEvidence.Paired repeat = evidence.pair(metric, set.champion(), set.repeat(), Set.of(), List.of());
            SetEvidence.Calibration measured = gate.calibrate(repeat.units(), metric, set.champion().toString(), set.repeat().toString());
            stored = new Calibration();
            stored.key = new Calibration.Key(set.set().id(), championVersion, mode.key(), metric.key());
            stored.delta = measured.delta();
            stored.ciLow = measured.ci95().low();
            stored.ciHigh = measured.ci95().high();
            stored.championRunId = set.champion();
            stored.repeatRunId = set.repeat();
            stored.createdAt = Instant.now();
            calibrations.save(stored);
        }
        return stored == null ? null : new SetEvidence.Calibration(stored.delta, new Interval(stored.ciLow, stored.ciHigh),
                stored.championRunId.toString(), stored.repeatRunId.toString());
    }

    private static double jsonValidRate(EvalRun run) {
        return run.metrics() == null || run.metrics().jsonValidRate() == null ? 0 : run.metrics().jsonValidRate();
    }
}
