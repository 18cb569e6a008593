package kotone.eval.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kotone.core.behaviour.Check;
import kotone.core.gate.GateMetric;
import kotone.core.gate.PairedUnits;
import kotone.core.vector.Dimension;
import kotone.eval.checks.CheckRepository;
import kotone.eval.runs.SampleRepository;
import kotone.eval.runs.SampleRow;

/**
 * Pairs two runs on one eval set unit by unit, as the gate compares them: for vector MAE each item with a target (its
 * MAE, or 100 without a valid answer), for the expectation pass rate each behavioural check (1 passed, 0 not).
 */
@ApplicationScoped
public class GateEvidence {

    private final SampleRepository samples;
    private final CheckRepository checks;

    public GateEvidence(SampleRepository samples, CheckRepository checks) {
        this.samples = samples;
        this.checks = checks;
    }

    /**
     * @param setAside items left out (a target's replayed items)
     * @param focus dimensions whose per-item errors are paired too (MAE only)
     */
    public record Paired(PairedUnits units, Map<Dimension, PairedUnits> focus) {
    }

    public Paired pair(GateMetric metric, UUID championRun, UUID candidateRun, Set<Integer> setAside, List<Dimension> focus) {
        return metric == GateMetric.VECTOR_MAE ? pairItems(championRun, candidateRun, setAside, focus)
                : new Paired(pairChecks(championRun, candidateRun), Map.of());
    }

    private Paired pairItems(UUID championRun, UUID candidateRun, Set<Integer> setAside, List<Dimension> focus) {
        Map<Integer, SampleRow> champion = new HashMap<>();
        samples.stream(championRun, SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, row -> {
            if (row.target() != null && !setAside.contains(row.itemNo())) {
                champion.put(row.itemNo(), row);
            }
        });
        List<double[]> errors = new ArrayList<>();
        Map<Dimension, List<double[]>> byDimension = new HashMap<>();
        samples.stream(candidateRun, SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, row -> {
            SampleRow before = champion.get(row.itemNo());
            if (before == null) {
                return;
            }
            errors.add(new double[] {before.comparableError(), row.comparableError()});
            for (Dimension dimension : focus) {
                byDimension.computeIfAbsent(dimension, key -> new ArrayList<>())
                        .add(new double[] {before.comparableError(dimension), row.comparableError(dimension)});
            }
        });
        Map<Dimension, PairedUnits> focusUnits = new HashMap<>();
        byDimension.forEach((dimension, pairs) -> focusUnits.put(dimension, units(pairs)));
        return new Paired(units(errors), focusUnits);
    }

    private PairedUnits pairChecks(UUID championRun, UUID candidateRun) {
        Map<Integer, Boolean> champion = new HashMap<>();
        for (Check check : checks.all(championRun)) {
            champion.put(check.checkNo(), check.passed());
        }
        List<double[]> pairs = new ArrayList<>();
        for (Check check : checks.all(candidateRun)) {
            Boolean before = champion.get(check.checkNo());
            if (before != null) {
                pairs.add(new double[] {before ? 1 : 0, check.passed() ? 1 : 0});
            }
        }
        return units(pairs);
    }

    private static PairedUnits units(List<double[]> pairs) {
        double[] champion = new double[pairs.size()];
        double[] candidate = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            champion[i] = pairs.get(i)[0];
            candidate[i] = pairs.get(i)[1];
        }
        return new PairedUnits(champion, candidate);
    }
}
