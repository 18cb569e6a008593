package kotone.core.model.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.core.behaviour.BehaviouralChecks;
import kotone.core.behaviour.BehaviouralItem;
import kotone.core.behaviour.Check;
import kotone.core.behaviour.Expectation;
import kotone.core.behaviour.ExpectationOp;
import kotone.core.model.Combination;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Fits the auto combination by measurement. Per language, input type, coverage band and dimension, and apart where the
 * rules' words moved the dimension and where they did not, the rules' share that gives the lowest error on the
 * validation split. A cell with fewer than {@value #EVIDENCE} validation values takes the share fitted over all
 * dimensions of its language, input type and band. Where that has too few as well there is no evidence either way: a
 * dimension the rules moved starts with the local model (which reads the rules' features too), one they left alone
 * takes the rules' neutral reading, because the local model's answer there is the average of its training labels, which
 * belongs to the generator of those labels, not to the player. Then, language by language, the shares of moved
 * dimensions are raised where it costs the validation error least until auto meets at least as many expectations of the
 * development behavioural suite as the rules alone, with a margin of {@value #MARGIN} points on every level expectation
 * so that the fit generalises beyond the suite's own requests. The guard suite is never read here.
 */
final class CombinationFit {

    private static final int K = Dimension.COUNT;
    private static final int L = Combination.LANGUAGES;
    private static final int T = Combination.INPUT_TYPES;
    private static final int B = Combination.BANDS;
    private static final double FIRED = 5;
    /** The development suite is met with this many points to spare on every level expectation, so that it generalises. */
    private static final int MARGIN = 5;
    /** The validation values a cell needs before its share is fitted rather than left to the rules. */
    static final int EVIDENCE = 20;

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
    // the validation error per cell and share step, where the rules moved the dimension and where they did not, and the
    // rules' error over every value, so the validation MAE of each source needs no rows kept
    private final Cells moved;
    private final Cells quiet;
    private double rulesError;
    private long values;

    CombinationFit(double step) {
        this.step = step;
        this.steps = (int) Math.round(1 / step) + 1;
        this.moved = new Cells(steps);
        this.quiet = new Cells(steps);
    }

    /** Per cell (language, input type, band, dimension) the validation values seen and the error at each share step. */
    private static final class Cells {
        final double[][][][][] errors;
        final double[][][][] values = new double[L][T][B][K];

        Cells(int steps) {
            errors = new double[L][T][B][K][steps];
        }

        /**
         * Per cell the error-minimising step where it has evidence; else that of its language, input type and band over
         * all dimensions; else the last step (the rules alone).
         */
        int[][][][] fitted(int withoutEvidence) {
            int[][][][] chosen = new int[L][T][B][K];
            for (int l = 0; l < L; l++) {
                for (int t = 0; t < T; t++) {
                    for (int b = 0; b < B; b++) {
                        double[] pooled = new double[errors[l][t][b][0].length];
                        double pooledValues = 0;
                        for (int d = 0; d < K; d++) {
                            pooledValues += values[l][t][b][d];
                            for (int s = 0; s < pooled.length; s++) {
                                pooled[s] += errors[l][t][b][d][s];
                            }
                        }
                        int fallback = pooledValues < EVIDENCE ? withoutEvidence : argmin(pooled);
                        for (int d = 0; d < K; d++) {
                            chosen[l][t][b][d] = values[l][t][b][d] < EVIDENCE ? fallback : argmin(errors[l][t][b][d]);
                        }
                    }
                }
            }
            return chosen;
        }

        double error(int[][][][] chosen) {
            double sum = 0;
            for (int l = 0; l < L; l++) {
                for (int t = 0; t < T; t++) {
                    for (int b = 0; b < B; b++) {
                        for (int d = 0; d < K; d++) {
                            sum += errors[l][t][b][d][chosen == null ? 0 : chosen[l][t][b][d]];
                        }
                    }
                }
            }
            return sum;
        }
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
            Cells cells = Math.abs(readings.push()[d]) >= FIRED ? moved : quiet;
            cells.values[l][t][b][d]++;
            for (int s = 0; s < steps; s++) {
                double share = s * step;
                cells.errors[l][t][b][d][s] += Math.abs(Math.round((1 - share) * local[d] + share * rules[d]) - readings.label()[d]);
            }
        }
    }

    Outcome fit(List<SuiteReading> suite) {
        int[][][][] chosen = moved.fitted(0);
        int[][][][] quietChosen = quiet.fitted(steps - 1);
        Map<String, Map<String, Double>> passRates = new HashMap<>();
        // by the language the interpreter detects, as auto is served: a request in full-width letters is English too
        for (TextLanguage language : TextLanguage.values()) {
            List<SuiteReading> items = suite.stream().filter(item -> item.readings().language() == language).toList();
            if (items.isEmpty()) {
                continue;
            }
            List<SuiteReading> strict = items.stream().map(item -> new SuiteReading(tightened(item.item()), item.readings())).toList();
            double floor = passRate(strict, Source.RULES, null);
            int l = Combination.language(language);
            while (passRate(strict, Source.AUTO, combination(chosen, quietChosen)) < floor && raise(strict, chosen, quietChosen, l)) {
                // each round raises one share, or every share of the language when no single raise helps
            }
            floor = passRate(items, Source.RULES, null);
            Map<String, Double> rates = new HashMap<>();
            rates.put("local", passRate(items, Source.LOCAL, null));
            rates.put("rules", floor);
            rates.put("auto", passRate(items, Source.AUTO, combination(chosen, quietChosen)));
            passRates.put(language.code(), rates);
        }
        return new Outcome(combination(chosen, quietChosen), validMae(chosen, quietChosen), passRates);
    }

    /**
     * Raises the share whose step gains the most suite checks per point of validation error, among the cells the suite's
     * requests fall in; false when those are all 1.
     */
    private boolean raise(List<SuiteReading> items, int[][][][] chosen, int[][][][] quietChosen, int l) {
        boolean[][] used = new boolean[T][B];
        for (SuiteReading item : items) {
            used[Combination.inputType(item.readings().namesParts())][Combination.band(item.readings().coverage())] = true;
        }
        double current = passRate(items, Source.AUTO, combination(chosen, quietChosen));
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
                    double gain = passRate(items, Source.AUTO, combination(chosen, quietChosen)) - current;
                    chosen[l][t][b][d]--;
                    if (gain <= 0) {
                        continue;
                    }
                    double[] errors = moved.errors[l][t][b][d];
                    double cost = Math.max(0, errors[at + 1] - errors[at]) / Math.max(1, moved.values[l][t][b][d]);
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

    /** The item with each level expectation moved {@link #MARGIN} points further from neutral. */
    private static BehaviouralItem tightened(BehaviouralItem item) {
        List<Expectation> strict = item.expectations().stream().map(expectation -> new Expectation(expectation.dimension(), expectation.op(),
                expectation.op() == ExpectationOp.AT_MOST ? Math.max(0, expectation.value() - MARGIN) : Math.min(100, expectation.value() + MARGIN)))
                .toList();
        return new BehaviouralItem(item.itemNo(), item.language(), item.category(), strict, item.relation());
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

    private Map<String, Double> validMae(int[][][][] chosen, int[][][][] quietChosen) {
        double local = moved.error(null) + quiet.error(null);
        double auto = moved.error(chosen) + quiet.error(quietChosen);
        double count = Math.max(1, values);
        return Map.of("local", local / count, "rules", rulesError / count, "auto", auto / count);
    }

    private Combination combination(int[][][][] chosen, int[][][][] quietChosen) {
        return new Combination(shares(chosen), shares(quietChosen), FIRED);
    }

    private double[][][][] shares(int[][][][] chosen) {
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
        return shares;
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
