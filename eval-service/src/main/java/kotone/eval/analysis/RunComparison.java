package kotone.eval.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.behaviour.Check;
import kotone.core.metrics.MetricsSummary;
import kotone.core.stats.Interval;
import kotone.core.stats.PairedBootstrap;
import kotone.core.vector.Dimension;
import kotone.eval.checks.CheckRepository;
import kotone.eval.runs.EvalRun;
import kotone.eval.runs.RunRepository;
import kotone.eval.runs.SampleRepository;
import kotone.eval.runs.SampleRow;

/**
 * Compares two completed runs on the same eval set, sample by sample: metric deltas (candidate minus base),
 * per-dimension MAE deltas, the items that got better and worse, and paired bootstrap 95% intervals of the vector MAE
 * delta and, for a behavioural set, of the expectation pass rate's delta (check by check). An invalid answer counts as
 * the worst error (100) in the per-item comparison.
 */
@ApplicationScoped
public class RunComparison {

    private static final int RESAMPLES = 2000;
    private static final long SEED = 20261125L;
    private static final int LISTED = 50;

    private final RunRepository runs;
    private final SampleRepository samples;
    private final CheckRepository checks;

    public RunComparison(RunRepository runs, SampleRepository samples, CheckRepository checks) {
        this.runs = runs;
        this.samples = samples;
        this.checks = checks;
    }

    public Comparison compare(UUID baseId, UUID candidateId) {
        EvalRun base = runs.find(baseId).orElseThrow(() -> ProblemException.notFound("no run " + baseId));
        EvalRun candidate = runs.find(candidateId).orElseThrow(() -> ProblemException.notFound("no run " + candidateId));
        if (!base.datasetId().equals(candidate.datasetId())) {
            throw ProblemException.unprocessable("the runs are on different eval sets (" + base.datasetId() + ", " + candidate.datasetId() + ")",
                    List.of(new FieldError("candidate", "must be a run on eval set " + base.datasetId())));
        }
        if (!"completed".equals(base.status()) || !"completed".equals(candidate.status())) {
            throw ProblemException.conflict("both runs must be completed to compare them");
        }
        Map<Integer, SampleRow> before = new HashMap<>();
        samples.stream(baseId, SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, row -> before.put(row.itemNo(), row));
        List<double[]> pairs = new ArrayList<>();
        List<Comparison.ItemChange> better = new ArrayList<>();
        List<Comparison.ItemChange> worse = new ArrayList<>();
        int[] counts = new int[3];
        samples.stream(candidateId, SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, after -> {
            SampleRow old = before.get(after.itemNo());
            if (old == null || old.target() == null) {
                return;
            }
            double a = old.comparableError();
            double b = after.comparableError();
            pairs.add(new double[] {a, b});
            if (b < a) {
                counts[0]++;
                if (better.size() < LISTED) {
                    better.add(item(after, a, b));
                }
            } else if (b > a) {
                counts[1]++;
                if (worse.size() < LISTED) {
                    worse.add(item(after, a, b));
                }
            } else {
                counts[2]++;
            }
        });
        List<double[]> checkPairs = checkPairs(baseId, candidateId);
        return new Comparison(baseId, candidateId, base.datasetId(), deltas(base.metrics(), candidate.metrics()),
                dimensionDeltas(base.metrics(), candidate.metrics()), pairs.size(), counts[0], counts[1], counts[2], better, worse, bootstrap(pairs),
                checkPairs.isEmpty() ? null : checkPairs.size(), checkPairs.isEmpty() ? null : bootstrap(checkPairs));
    }

    /** Behavioural checks paired by number: 1 passed, 0 not. */
    private List<double[]> checkPairs(UUID baseId, UUID candidateId) {
        Map<Integer, Boolean> before = new HashMap<>();
        checks.all(baseId).forEach(check -> before.put(check.checkNo(), check.passed()));
        List<double[]> pairs = new ArrayList<>();
        for (Check check : checks.all(candidateId)) {
            Boolean was = before.get(check.checkNo());
            if (was != null) {
                pairs.add(new double[] {was ? 1 : 0, check.passed() ? 1 : 0});
            }
        }
        return pairs;
    }

    private static Comparison.ItemChange item(SampleRow row, double before, double after) {
        return new Comparison.ItemChange(row.itemNo(), row.requestText(), before, after, row.traceUrl());
    }

    /** Candidate minus base for every single-number metric; null where either run has none. */
    static Map<String, Double> deltas(MetricsSummary base, MetricsSummary candidate) {
        Map<String, Double> deltas = new LinkedHashMap<>();
        if (base == null || candidate == null) {
            return deltas;
        }
        Map<String, Double> was = base.headline();
        candidate.headline().forEach((name, now) -> {
            Double old = was.get(name);
            deltas.put(name, now == null || old == null ? null : now - old);
        });
        return deltas;
    }

    static Map<String, Double> dimensionDeltas(MetricsSummary base, MetricsSummary candidate) {
        Map<String, Double> deltas = new LinkedHashMap<>();
        Map<String, Double> was = base == null ? null : base.maeRawByDim();
        Map<String, Double> now = candidate == null ? null : candidate.maeRawByDim();
        for (Dimension dimension : Dimension.ALL) {
            Double a = was == null ? null : was.get(dimension.key());
            Double b = now == null ? null : now.get(dimension.key());
            deltas.put(dimension.key(), a == null || b == null ? null : b - a);
        }
        return deltas;
    }

    /** Paired bootstrap of the mean per-unit delta (candidate minus base), seeded so it is repeatable; null without units. */
    static Comparison.BootstrapInterval bootstrap(List<double[]> pairs) {
        if (pairs.isEmpty()) {
            return null;
        }
        double[] deltas = new double[pairs.size()];
        for (int i = 0; i < deltas.length; i++) {
            deltas[i] = pairs.get(i)[1] - pairs.get(i)[0];
        }
        PairedBootstrap.Result result = new PairedBootstrap(RESAMPLES).run(deltas, SEED);
        Interval ci = result.interval(0.95);
        return new Comparison.BootstrapInterval(result.mean(), ci.low(), ci.high(), RESAMPLES);
    }
}
