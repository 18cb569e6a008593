package kotone.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kotone.core.stats.Holm;
import kotone.core.stats.Interval;
import kotone.core.stats.PairedBootstrap;
import kotone.core.vector.Dimension;

/**
 * Decides whether a candidate replaces the champion from paired evidence on several eval sets. Champion and
 * candidate answered the same units of each set; the paired bootstrap gives a 95% interval of each change. The
 * candidate is promoted only when the target improves (its interval lies wholly on the better side, and no focus
 * dimension gets clearly worse after Holm's correction across the focus dimensions), its answers on the target are
 * valid often enough, and every guard is non-inferior (the worse end of its interval stays within the guard's margin).
 * Every check gives a reason in words, passed or not.
 */
public final class PromotionGate {

    private final GateSettings settings;
    private final PairedBootstrap bootstrap;

    public PromotionGate(GateSettings settings) {
        this.settings = settings;
        this.bootstrap = new PairedBootstrap(settings.resamples());
    }

    public GateSettings settings() {
        return settings;
    }

    /** @param candidateJsonValidRate the candidate's share of valid answers on the target */
    public GateDecision decide(SetEvidence target, List<SetEvidence> guards, double candidateJsonValidRate) {
        List<String> reasons = new ArrayList<>();
        SetResult targetResult = judgeTarget(target, reasons);
        boolean validOk = candidateJsonValidRate >= settings.minJsonValidRate();
        reasons.add(String.format(Locale.ROOT, "%s json_valid_rate %.3f on the target (minimum %.2f)", mark(validOk), candidateJsonValidRate,
                settings.minJsonValidRate()));
        List<SetResult> guardResults = new ArrayList<>();
        for (SetEvidence guard : guards) {
            guardResults.add(judgeGuard(guard, reasons));
        }
        boolean promote = targetResult.pass() && validOk && guardResults.stream().allMatch(SetResult::pass);
        return new GateDecision(promote, reasons, targetResult, guardResults, null);
    }

    /** The A/A calibration of a set: the champion's two runs compared with the calibration seed. */
    public SetEvidence.Calibration calibrate(PairedUnits repeat, GateMetric metric, String championRunId, String repeatRunId) {
        Change change = Change.of(repeat, metric, bootstrap, settings.calibrationSeed(), 1 - settings.alpha());
        return new SetEvidence.Calibration(change.delta(), change.ci95(), championRunId, repeatRunId);
    }

    private SetResult judgeTarget(SetEvidence target, List<String> reasons) {
        GateMetric metric = target.metric();
        Change change = Change.of(target.units(), metric, bootstrap, settings.seed(), 1 - settings.alpha());
        List<FocusResult> focus = focus(target.focus());
        boolean improved = change.units() > 0 && clearlyBetter(metric, change.ci95());
        boolean focusWorse = focus.stream().anyMatch(FocusResult::worsened);
        boolean pass = improved && !focusWorse;
        String verdict = change.units() == 0 ? "no unit left to judge"
                : improved ? "better: the interval lies wholly on the better side"
                : clearlyBetter(metric, new Interval(-change.ci95().high(), -change.ci95().low())) ? "worse: the interval lies wholly on the worse side"
                : "no clear improvement: the interval reaches the worse side";
        reasons.add(String.format(Locale.ROOT, "%s target %s %s %s -> %s (%s, 95%% CI [%s, %s]; A/A %s): %s", mark(improved), target.datasetId(),
                metric.key(), number(metric, change.champion()), number(metric, change.candidate()), signed(metric, change.delta()),
                signed(metric, change.ci95().low()), signed(metric, change.ci95().high()), calibration(metric, target.calibration()), verdict));
        for (FocusResult dimension : focus) {
            reasons.add(String.format(Locale.ROOT, "%s focus %s: MAE %.2f -> %.2f (%+.2f, Holm-adjusted %.1f%% CI [%+.2f, %+.2f]): %s",
                    mark(!dimension.worsened()), dimension.dimension(), dimension.champion(), dimension.candidate(), dimension.delta(),
                    dimension.confidence() * 100, dimension.ci()[0], dimension.ci()[1],
                    dimension.worsened() ? "clearly worse" : dimension.improved() ? "clearly better" : "no clear change"));
        }
        return new SetResult(target.datasetId(), metric.key(), change.champion(), change.candidate(), change.delta(), change.ci95().asArray(),
                null, pass, change.units(), change.better(), change.worse(), target.setAside(), calibrationResult(target.calibration()), focus,
                verdict, championRun(target), candidateRun(target));
    }

    private SetResult judgeGuard(SetEvidence guard, List<String> reasons) {
        GateMetric metric = guard.metric();
        double margin = settings.margin(metric);
        Change change = Change.of(guard.units(), metric, bootstrap, settings.seed(), 1 - settings.alpha());
        double worseEnd = metric.lowerIsBetter() ? change.ci95().high() : change.ci95().low();
        boolean pass = change.units() > 0 && metric.gain(worseEnd) >= -margin;
        String verdict = change.units() == 0 ? "nothing to compare: a guard must be shown non-inferior"
                : String.format(Locale.ROOT, "the worse end %s is %s the margin %s", signed(metric, worseEnd), pass ? "within" : "beyond",
                        number(metric, margin));
        reasons.add(String.format(Locale.ROOT, "%s guard %s %s %s -> %s (%s, 95%% CI [%s, %s]; A/A %s): %s", mark(pass), guard.datasetId(),
                metric.key(), number(metric, change.champion()), number(metric, change.candidate()), signed(metric, change.delta()),
                signed(metric, change.ci95().low()), signed(metric, change.ci95().high()), calibration(metric, guard.calibration()), verdict));
        return new SetResult(guard.datasetId(), metric.key(), change.champion(), change.candidate(), change.delta(), change.ci95().asArray(),
                margin, pass, change.units(), change.better(), change.worse(), guard.setAside(), calibrationResult(guard.calibration()), List.of(),
                verdict, championRun(guard), candidateRun(guard));
    }

    private List<FocusResult> focus(Map<Dimension, PairedUnits> focus) {
        List<Dimension> dimensions = Dimension.ALL.stream().filter(focus::containsKey).toList();
        int m = dimensions.size();
        double[] pBetter = new double[m];
        double[] pWorse = new double[m];
        PairedBootstrap.Result[] results = new PairedBootstrap.Result[m];
        for (int i = 0; i < m; i++) {
            results[i] = bootstrap.run(focus.get(dimensions.get(i)).differences(), settings.seed() + 1 + i);
            pBetter[i] = results[i].pNotBelowZero();
            pWorse[i] = results[i].pNotAboveZero();
        }
        double[] adjustedBetter = Holm.adjust(pBetter);
        double[] adjustedWorse = Holm.adjust(pWorse);
        double[] confidences = Holm.intervalConfidences(pBetter, settings.alpha());
        double oneSided = settings.alpha() / 2;
        List<FocusResult> answers = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            PairedUnits units = focus.get(dimensions.get(i));
            Interval interval = results[i].interval(confidences[i]);
            answers.add(new FocusResult(dimensions.get(i).key(), units.championMean(), units.candidateMean(), results[i].mean(),
                    interval.asArray(), confidences[i], adjustedBetter[i], adjustedWorse[i], adjustedBetter[i] < oneSided,
                    adjustedWorse[i] < oneSided));
        }
        return answers;
    }

    private static String championRun(SetEvidence evidence) {
        return evidence.runs() == null ? null : evidence.runs().championRunId();
    }

    private static String candidateRun(SetEvidence evidence) {
        return evidence.runs() == null ? null : evidence.runs().candidateRunId();
    }

    private static boolean clearlyBetter(GateMetric metric, Interval interval) {
        return metric.lowerIsBetter() ? interval.high() < 0 : interval.low() > 0;
    }

    private static SetResult.Calibration calibrationResult(SetEvidence.Calibration calibration) {
        return calibration == null ? null : new SetResult.Calibration(calibration.delta(), calibration.ci95().asArray(), calibration.coversZero());
    }

    private static String calibration(GateMetric metric, SetEvidence.Calibration calibration) {
        if (calibration == null) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%s [%s, %s]", signed(metric, calibration.delta()), signed(metric, calibration.ci95().low()),
                signed(metric, calibration.ci95().high()));
    }

    private static String number(GateMetric metric, double value) {
        return String.format(Locale.ROOT, metric == GateMetric.VECTOR_MAE ? "%.2f" : "%.3f", value);
    }

    private static String signed(GateMetric metric, double value) {
        return String.format(Locale.ROOT, metric == GateMetric.VECTOR_MAE ? "%+.2f" : "%+.3f", value);
    }

    private static String mark(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }
}
