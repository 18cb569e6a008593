package kotone.core.model.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.core.behaviour.BehaviouralChecks;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.Check;
import kotone.core.model.Combination;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Fits the auto combination by measurement. Per language, input type, coverage band and dimension, the rules' share
 * (where their words moved the dimension) that gives the lowest error on the validation split; a cell without validation
 * evidence starts with the local model alone. Then, language by language, the shares are raised where it costs the
 * validation error least until auto meets at least as many expectations of the development behavioural suite as the
 * rules alone. The guard suite is never read here.
 */
final class CombinationFit {

    private static final int K = Dimension.COUNT;
    private static final int L = Combination.LANGUAGES;
    private static final int T = Combination.INPUT_TYPES;
    private static final int B = Combination.BANDS;
    private static final double FIRED = 5;

    /** What both sources read of one text, how familiar it was to the local model, and (for a validation row) its label. */
    record Readings(TextLanguage language, boolean namesParts, double coverage, MusicVector local, MusicVector rules, double[] push,
            int[] label) {
    }

    /** A development-suite request with both readings. */
    record SuiteReading(BehaviouralItem item, Readings readings) {
    }

    /**
     * @param validMae the validation split's MAE of the local model, the rules and auto
     * @param suitePassRate the development suite's pass rate per language of the local model, the rules and auto
     */
    record Outcome(Combination combination, Map<String, Double> validMae, Map<String, Map<String, Double>> suitePassRate) {
    }

    private final int steps;
    private final double step;
    // the validation error, per cell and share step, of the rows where the rules moved the dimension
    private final double[][][][][] errors;
    private final double[][][][] rows = new double[L][T][B][K];
    // the local model's error where the rules did not move a dimension (auto is the local model there), and the rules'
    // error over every value, so the validation MAE of each source needs no rows kept
    private double unfiredError;
    private double rulesError;
    private long values;

    CombinationFit(double step) {
        this.step = step;
        this.steps = (int) Math.round(1 / step) + 1;
        this.errors = new double[L][T][B][K][steps];
    }

    void addValidationRow(Readings readings) {
        int l = Combination.language(readings.language());
        int t = Combination.inputType(readings.namesParts());
        int b = Combination.band(readings.coverage());
        int[] local = readings.local().toArray();
        int[] rules = readings.rules().toArray();
        for (int d = 0; d < K; d++) {
            rulesError += Math.abs(rules[d] - readings.label()[d]);
            values++;
            if (Math.abs(readings.push()[d]) < FIRED) {
                unfiredError += Math.abs(local[d] - readings.label()[d]);
                continue;
            }
            rows[l][t][b][d]++;
            for (int s = 0; s < steps; s++) {
                double share = s * step;
                errors[l][t][b][d][s] += Math.abs(Math.round((1 - share) * local[d] + share * rules[d]) - readings.label()[d]);
            }
        }
    }

    Outcome fit(List<SuiteReading> suite) {
        int[][][][] chosen = new int[L][T][B][K];
        for (int l = 0; l < L; l++) {
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    for (int d = 0; d < K; d++) {
                        chosen[l][t][b][d] = rows[l][t][b][d] == 0 ? 0 : argmin(errors[l][t][b][d]);
                    }
                }
            }
        }
        Map<String, Map<String, Double>> passRates = new HashMap<>();
        for (TextLanguage language : List.of(TextLanguage.EN, TextLanguage.JA)) {
            List<SuiteReading> items = suite.stream().filter(item -> item.readings().language() == language).toList();
            if (items.isEmpty()) {
                continue;
            }
            double floor = passRate(items, Source.RULES, null);
            int l = Combination.language(language);
            while (passRate(items, Source.AUTO, combination(chosen)) < floor && raise(items, chosen, l)) {
                // each round raises one share, or every share of the language when no single raise helps
            }
            Map<String, Double> rates = new HashMap<>();
            rates.put("local", passRate(items, Source.LOCAL, null));
            rates.put("rules", floor);
            rates.put("auto", passRate(items, Source.AUTO, combination(chosen)));
            passRates.put(language.code(), rates);
        }
        return new Outcome(combination(chosen), validMae(chosen), passRates);
    }

    /**
     * Raises the share whose step gains the most suite checks per point of validation error, among the cells the suite's
     * requests fall in; false when those are all 1.
     */
    private boolean raise(List<SuiteReading> items, int[][][][] chosen, int l) {
        boolean[][] used = new boolean[T][B];
        for (SuiteReading item : items) {
            used[Combination.inputType(item.readings().namesParts())][Combination.band(item.readings().coverage())] = true;
        }
        double current = passRate(items, Source.AUTO, combination(chosen));
        double bestScore = 0;
        int[] best = null;
        boolean any = false;
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                if (!used[t][b]) {
                    continue;
                }
                for (int d = 0; d < K; d++) {
                    int at = chosen[l][t][b][d];
                    if (at >= steps - 1) {
                        continue;
                    }
                    any = true;
                    chosen[l][t][b][d]++;
                    double gain = passRate(items, Source.AUTO, combination(chosen)) - current;
                    chosen[l][t][b][d]--;
                    if (gain <= 0) {
                        continue;
                    }
                    double cost = Math.max(0, errors[l][t][b][d][at + 1] - errors[l][t][b][d][at]) / Math.max(1, rows[l][t][b][d]);
                    double score = gain / (cost + 1e-3);
                    if (score > bestScore) {
                        bestScore = score;
                        best = new int[] {t, b, d};
                    }
                }
            }
        }
        if (!any) {
            return false;
        }
        if (best != null) {
            chosen[l][best[0]][best[1]][best[2]]++;
            return true;
        }
        // no single step helps (a check needs two dimensions to move): every share the suite uses takes one step
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                for (int d = 0; d < K && used[t][b]; d++) {
                    chosen[l][t][b][d] = Math.min(steps - 1, chosen[l][t][b][d] + 1);
                }
            }
        }
        return true;
    }

    private enum Source {
        LOCAL, RULES, AUTO
    }

    private static double passRate(List<SuiteReading> items, Source source, Combination combination) {
        Map<Integer, MusicVector> readings = new HashMap<>();
        List<BehaviouralItem> behaviour = new ArrayList<>();
        for (SuiteReading item : items) {
            behaviour.add(item.item());
            readings.put(item.item().itemNo(), read(item.readings(), source, combination));
        }
        List<Check> checks = new BehaviouralChecks().judge(behaviour, readings::get);
        return checks.isEmpty() ? 1 : checks.stream().filter(Check::passed).count() / (double) checks.size();
    }

    private static MusicVector read(Readings readings, Source source, Combination combination) {
        return switch (source) {
            case LOCAL -> readings.local();
            case RULES -> readings.rules();
            case AUTO -> combination.blend(readings.local(), readings.rules(), readings.push(), readings.language(), readings.namesParts(),
                    readings.coverage()).vector();
        };
    }

    private Map<String, Double> validMae(int[][][][] chosen) {
        double local = unfiredError;
        double auto = unfiredError;
        for (int l = 0; l < L; l++) {
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    for (int d = 0; d < K; d++) {
                        local += errors[l][t][b][d][0];
                        auto += errors[l][t][b][d][chosen[l][t][b][d]];
                    }
                }
            }
        }
        double count = Math.max(1, values);
        return Map.of("local", local / count, "rules", rulesError / count, "auto", auto / count);
    }

    private Combination combination(int[][][][] chosen) {
        double[][][][] shares = new double[L][T][B][K];
        for (int l = 0; l < L; l++) {
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    for (int d = 0; d < K; d++) {
                        shares[l][t][b][d] = Math.min(1, chosen[l][t][b][d] * step);
                    }
                }
            }
        }
        return new Combination(shares, FIRED);
    }

    private static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best] - 1e-9) {
                best = i;
            }
        }
        return best;
    }
}
