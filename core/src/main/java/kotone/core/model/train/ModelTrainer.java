package kotone.core.model.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kotone.core.behaviour.BehaviouralSuite;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.metrics.AbsoluteErrors;
import kotone.core.model.Combination;
import kotone.core.model.FeatureSpec;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.RuleFeatures;
import kotone.core.model.TextEmbedder;
import kotone.core.model.TextFeatures;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Trains the local model: ridge regression per dimension over the text's features, with a penalty per feature group.
 * The "stacked" method reads the rules' reading beside the n-grams and the named parts, and learns per dimension how far
 * to trust it. The training split is read as a stream into sufficient statistics (memory bounded by the features, not
 * the rows) and solved in the primal, or, when it has fewer rows than features, in the dual (kernel) form, which gives
 * the same model. Each method is tuned and compared by grouped cross-validation on the train split; a method whose
 * serving time (a measured figure from configuration, never a clock during the job) is over the budget is left out. The
 * winner's output step is fitted on train, the auto combination with the rules on valid and the development suite, and
 * everything is reported on test.
 */
public final class ModelTrainer {

    private static final int K = Dimension.COUNT;

    private final TrainerSettings settings;
    private final RuleInterpreter rules;

    public ModelTrainer(TrainerSettings settings, RuleInterpreter rules) {
        this.settings = settings;
        this.rules = rules;
    }

    public TrainingOutcome train(RowSource rows, List<String> partIds, Set<Method> methods, TextEmbedder embedder, TrainingProgress progress) {
        long started = System.nanoTime();
        int trainRows = rows.count(Split.TRAIN);
        if (trainRows > settings.maxRows()) {
            throw new IllegalArgumentException("this trainer takes at most " + settings.maxRows() + " training rows (kotone.training.max-rows, set "
                    + "from the measured training time), the dataset has " + trainRows);
        }
        if (trainRows == 0 || rows.count(Split.VALID) == 0) {
            throw new IllegalArgumentException("training needs rows in both the train and the valid split");
        }
        List<CandidateReport> reports = new ArrayList<>();
        List<Method> compared = new ArrayList<>();
        for (Method method : methods) {
            if (settings.latency(method) > settings.latencyBudgetMicros()) {
                reports.add(new CandidateReport(method.key(), Map.of(), null, settings.latency(method), String.format(java.util.Locale.ROOT,
                        "serves a text in %.0f µs, over the budget of %.0f µs", settings.latency(method), settings.latencyBudgetMicros())));
            } else {
                compared.add(method);
            }
        }
        if (compared.isEmpty()) {
            Method fastest = methods.stream().min((a, b) -> Double.compare(settings.latency(a), settings.latency(b))).orElseThrow();
            compared.add(fastest);
            reports.removeIf(report -> report.method().equals(fastest.key()));
        }
        boolean needsEmbedding = compared.stream().anyMatch(Method::embedding);
        if (needsEmbedding && embedder == null) {
            throw new IllegalArgumentException("an embedding method was asked for but no embedder is available");
        }
        FeatureSpec full = spec(partIds, compared.stream().anyMatch(Method::rules), compared.stream().anyMatch(Method::ngrams),
                needsEmbedding ? embedder : null);
        Featurizer featurizer = new Featurizer(full, needsEmbedding ? embedder : null, rules);

        Statistics statistics = read(rows, full, featurizer, trainRows, progress);
        Map<Method, Tuned> tuned = new LinkedHashMap<>();
        for (Method method : compared) {
            Tuned result = tune(method, full, statistics, progress);
            tuned.put(method, result);
            reports.add(new CandidateReport(method.key(), result.lambdas(), result.rmse(), settings.latency(method), null));
        }
        Method chosen = choose(tuned);
        progress.step("fit", 0, 1);
        Tuned winner = tuned.get(chosen);
        RidgeSolution solution = statistics.fit(winner.active()).fit(winner.active(), winner.penalty(), -1);
        FeatureSpec spec = spec(partIds, chosen.rules(), chosen.ngrams(), chosen.embedding() ? embedder : null);
        Featurizer served = new Featurizer(spec, chosen.embedding() ? embedder : null, rules);
        LocalModel unshifted = model(spec, full, solution, new double[2][K], statistics.outputStep(), statistics.vocabulary(), Combination.localOnly());
        double[][] shift = shifts(rows, unshifted, served, progress);
        LocalModel model = model(spec, full, solution, shift, statistics.outputStep(), statistics.vocabulary(), Combination.localOnly());
        progress.step("fit", 1, 1);

        progress.step("combination", 0, 1);
        CombinationFit fit = new CombinationFit(settings.combinationStep());
        Reports valid = new Reports(statistics.median());
        rows.forEach(Split.VALID, row -> {
            Readings readings = readings(model, served, row.text(), null);
            fit.addValidationRow(new CombinationFit.Readings(readings.rules().language(), readings.local().namesParts(), readings.local().coverage(),
                    readings.local().vector(),
                    readings.rules().vector(), readings.rules().push(), row.label().toArray()));
            valid.add(row, readings.local().vector(), readings.rules().vector(), readings.local().vector());
        });
        List<CombinationFit.SuiteReading> suite = new ArrayList<>();
        for (BehaviouralSuite.Item item : BehaviouralSuite.DEVELOPMENT.items()) {
            Readings readings = readings(model, served, item.text(), item.weather());
            suite.add(new CombinationFit.SuiteReading(item.behaviour(), new CombinationFit.Readings(readings.rules().language(),
                    readings.local().namesParts(), readings.local().coverage(), readings.local().vector(), readings.rules().vector(),
                    readings.rules().push(), null)));
        }
        CombinationFit.Outcome combination = fit.fit(suite);
        LocalModel combined = new LocalModel(model.spec(), model.weights(), model.intercept(), model.groupShift(), model.outputStep(),
                model.vocabulary(), combination.combination());
        progress.step("combination", 1, 1);

        progress.step("report", 0, 1);
        Reports test = new Reports(statistics.median());
        rows.forEach(Split.TEST, row -> {
            Readings readings = readings(combined, served, row.text(), null);
            MusicVector auto = combined.combination().blend(readings.local().vector(), readings.rules().vector(), readings.rules().push(),
                    readings.rules().language(), readings.local().namesParts(), readings.local().coverage()).vector();
            test.add(row, readings.local().vector(), readings.rules().vector(), auto);
        });
        progress.step("report", 1, 1);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new TrainingOutcome(combined, chosen.key(), winner.lambdas(), reports, valid.local(), test.local(), test.byMode(),
                new TrainingOutcome.CombinationReport(combination.validMae(), combination.suitePassRate(), combination.combination().describe()),
                trainRows, millis);
    }

    private FeatureSpec spec(List<String> partIds, boolean withRules, boolean withNgrams, TextEmbedder embedder) {
        return new FeatureSpec(partIds, withNgrams ? settings.hashBits() : 0, withRules, embedder == null ? null : embedder.modelName(),
                embedder == null ? 0 : embedder.dimension());
    }

    private record Readings(RuleInterpreter.Reading rules, LocalModel.Prediction local) {
    }

    private Readings readings(LocalModel model, Featurizer featurizer, String text, String weather) {
        RuleInterpreter.Reading reading = rules.read(text, weather);
        return new Readings(reading, model.predict(featurizer.features(text, reading)));
    }

    // ---------------------------------------------------------------- the training split, read once

    /** The train split as sufficient statistics per fold (and, when it is smaller than the features, its rows). */
    private final class Statistics {
        final FeatureSpec full;
        final Gram[] folds;
        final List<DualRidge.Row> rows;
        final int[][] labelCounts = new int[K][101];
        final Set<Integer> vocabulary = new HashSet<>();
        long onGrid;
        long values;

        Statistics(FeatureSpec full, boolean keepRows) {
            this.full = full;
            this.folds = new Gram[settings.folds()];
            for (int f = 0; f < folds.length; f++) {
                folds[f] = new Gram(full.width());
            }
            this.rows = keepRows ? new ArrayList<>() : null;
        }

        RidgeFit fit(int[] active) {
            return rows != null && rows.size() < active.length ? new DualRidge(rows, full.width(), folds.length) : new PrimalRidge(folds);
        }

        int outputStep() {
            return values > 0 && onGrid >= 0.95 * values ? 5 : 1;
        }

        int[] vocabulary() {
            return vocabulary.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        MusicVector median() {
            int[] medians = new int[K];
            for (int d = 0; d < K; d++) {
                long total = Arrays.stream(labelCounts[d]).sum();
                long seen = 0;
                for (int v = 0; v <= 100; v++) {
                    seen += labelCounts[d][v];
                    if (seen * 2 >= total) {
                        medians[d] = v;
                        break;
                    }
                }
            }
            return MusicVector.of(medians);
        }
    }

    private Statistics read(RowSource source, FeatureSpec full, Featurizer featurizer, int trainRows, TrainingProgress progress) {
        Statistics statistics = new Statistics(full, trainRows < full.width());
        int[] done = {0};
        source.forEach(Split.TRAIN, row -> {
            TextFeatures features = featurizer.features(row.text());
            TextFeatures.SparseRow sparse = features.row(full);
            int[] label = row.label().toArray();
            double[] target = new double[K];
            for (int d = 0; d < K; d++) {
                target[d] = label[d];
                statistics.labelCounts[d][label[d]]++;
                statistics.onGrid += label[d] % 5 == 0 ? 1 : 0;
                statistics.values++;
            }
            int fold = Math.floorMod(row.groupKey().hashCode() * 31 + (int) settings.seed(), settings.folds());
            double weight = settings.weight(row.sourceType());
            statistics.folds[fold].add(sparse.indices(), sparse.values(), target, weight);
            if (statistics.rows != null) {
                statistics.rows.add(new DualRidge.Row(sparse.indices(), sparse.values(), target, weight, fold));
            }
            for (int token : features.vocabularyTokens()) {
                statistics.vocabulary.add(token);
            }
            if (++done[0] % 500 == 0 || done[0] == trainRows) {
                progress.step("features", done[0], trainRows);
            }
        });
        return statistics;
    }

    // ---------------------------------------------------------------- tuning and choosing

    private record Tuned(int[] active, double[] penalty, Map<String, Double> lambdas, double rmse) {
    }

    /** The feature groups of the full spec, each with its index range and penalty grid. */
    private record Group(String name, int from, int to, List<Double> grid) {
    }

    private List<Group> groups(Method method, FeatureSpec full) {
        List<Group> groups = new ArrayList<>();
        if (method.rules()) {
            groups.add(new Group("rules", full.ruleOffset(), full.ruleOffset() + RuleFeatures.WIDTH, settings.ruleLambdas()));
        }
        groups.add(new Group("parts", full.partOffset(), full.hashOffset(), settings.partLambdas()));
        if (method.ngrams()) {
            groups.add(new Group("ngrams", full.hashOffset(), full.embeddingOffset(), settings.ngramLambdas()));
        }
        if (method.embedding()) {
            groups.add(new Group("embedding", full.embeddingOffset(), full.width(), settings.embeddingLambdas()));
        }
        return groups;
    }

    /** One sweep of coordinate search over the groups' penalties, each judged by grouped cross-validation. */
    private Tuned tune(Method method, FeatureSpec full, Statistics statistics, TrainingProgress progress) {
        List<Group> groups = groups(method, full);
        int[] active = groups.stream().flatMapToInt(group -> java.util.stream.IntStream.range(group.from(), group.to())).toArray();
        RidgeFit fit = statistics.fit(active);
        Map<String, Double> lambdas = new LinkedHashMap<>();
        groups.forEach(group -> lambdas.put(group.name(), group.grid().get(group.grid().size() / 2)));
        double best = crossValidate(fit, active, penalty(full, groups, lambdas));
        int total = groups.stream().mapToInt(group -> group.grid().size()).sum();
        int tried = 0;
        for (Group group : groups) {
            double chosen = lambdas.get(group.name());
            for (double candidate : group.grid()) {
                progress.step("tune " + method.key(), tried++, total);
                if (candidate == chosen) {
                    continue;
                }
                lambdas.put(group.name(), candidate);
                double rmse = crossValidate(fit, active, penalty(full, groups, lambdas));
                if (rmse < best) {
                    best = rmse;
                    chosen = candidate;
                }
            }
            lambdas.put(group.name(), chosen);
        }
        progress.step("tune " + method.key(), total, total);
        return new Tuned(active, penalty(full, groups, lambdas), Map.copyOf(lambdas), best);
    }

    private static double[] penalty(FeatureSpec full, List<Group> groups, Map<String, Double> lambdas) {
        double[] penalty = new double[full.width()];
        for (Group group : groups) {
            Arrays.fill(penalty, group.from(), group.to(), lambdas.get(group.name()));
        }
        return penalty;
    }

    private static double crossValidate(RidgeFit fit, int[] active, double[] penalty) {
        double error = 0;
        double weight = 0;
        for (int fold = 0; fold < fit.folds(); fold++) {
            RidgeSolution solution = fit.fit(active, penalty, fold);
            double[] measured = fit.squaredError(solution, fold);
            error += measured[0];
            weight += measured[1];
        }
        return Math.sqrt(error / Math.max(1e-12, weight * K));
    }

    /** The lowest cross-validated RMSE; among methods within the tolerance of it, the fastest to serve. */
    private Method choose(Map<Method, Tuned> tuned) {
        double best = tuned.values().stream().mapToDouble(Tuned::rmse).min().orElseThrow();
        return tuned.entrySet().stream()
                .filter(entry -> entry.getValue().rmse() <= best + settings.rmseTolerance())
                .min((a, b) -> Double.compare(settings.latency(a.getKey()), settings.latency(b.getKey())))
                .orElseThrow().getKey();
    }

    // ---------------------------------------------------------------- the model

    /** The solution's weights in the method's own layout (its spec may leave out groups the full one has). */
    private static LocalModel model(FeatureSpec spec, FeatureSpec full, RidgeSolution solution, double[][] shift, int step, int[] vocabulary,
            Combination combination) {
        float[][] weights = new float[K][spec.width()];
        Function<Integer, Integer> toFull = index -> {
            if (index < spec.partOffset()) {
                return full.ruleOffset() + index;
            }
            if (index < spec.hashOffset()) {
                return full.partOffset() + (index - spec.partOffset());
            }
            if (index < spec.embeddingOffset()) {
                return full.hashOffset() + (index - spec.hashOffset());
            }
            return full.embeddingOffset() + (index - spec.embeddingOffset());
        };
        for (int i = 0; i < spec.width(); i++) {
            int from = toFull.apply(i);
            for (int d = 0; d < K; d++) {
                weights[d][i] = (float) solution.weights()[d][from];
            }
        }
        return new LocalModel(spec, weights, solution.intercept().clone(), shift, step, vocabulary, combination);
    }

    /** The median residual on train per text group and dimension (a histogram in quarter points), read as a stream. */
    private static double[][] shifts(RowSource rows, LocalModel model, Featurizer featurizer, TrainingProgress progress) {
        int bins = 801;
        long[][][] histogram = new long[2][K][bins];
        long[] counts = new long[2];
        rows.forEach(Split.TRAIN, row -> {
            TextFeatures features = featurizer.features(row.text());
            double[] raw = model.rawScores(features);
            int group = features.namesParts() ? 1 : 0;
            int[] label = row.label().toArray();
            for (int d = 0; d < K; d++) {
                double residual = Math.max(-100, Math.min(100, label[d] - raw[d]));
                histogram[group][d][(int) Math.round((residual + 100) * 4)]++;
            }
            counts[group]++;
        });
        double[][] shift = new double[2][K];
        for (int group = 0; group < 2; group++) {
            for (int d = 0; d < K; d++) {
                long seen = 0;
                for (int b = 0; b < bins && counts[group] > 0; b++) {
                    seen += histogram[group][d][b];
                    if (seen * 2 >= counts[group]) {
                        shift[group][d] = b / 4.0 - 100;
                        break;
                    }
                }
            }
        }
        return shift;
    }

    // ---------------------------------------------------------------- reports

    /** The MAE of each source on one split, overall, per dimension, per source type and per language. */
    private static final class Reports {
        private final MusicVector median;
        private final Map<String, Map<String, AbsoluteErrors>> bySource = new LinkedHashMap<>();
        private final Map<String, Map<String, AbsoluteErrors>> byLanguage = new LinkedHashMap<>();
        private final Map<String, AbsoluteErrors> all = new LinkedHashMap<>();
        private final AbsoluteErrors constant = new AbsoluteErrors();

        Reports(MusicVector median) {
            this.median = median;
        }

        void add(TrainingRow row, MusicVector local, MusicVector rules, MusicVector auto) {
            Map<String, MusicVector> readings = Map.of("local", local, "rules", rules, "auto", auto);
            readings.forEach((mode, predicted) -> {
                all.computeIfAbsent(mode, key -> new AbsoluteErrors()).add(predicted, row.label());
                bySource.computeIfAbsent(mode, key -> new LinkedHashMap<>()).computeIfAbsent(row.sourceType(), key -> new AbsoluteErrors())
                        .add(predicted, row.label());
                byLanguage.computeIfAbsent(mode, key -> new LinkedHashMap<>()).computeIfAbsent(row.language(), key -> new AbsoluteErrors())
                        .add(predicted, row.label());
            });
            constant.add(median, row.label());
        }

        SplitReport local() {
            return report("local");
        }

        Map<String, SplitReport> byMode() {
            Map<String, SplitReport> reports = new LinkedHashMap<>();
            for (String mode : List.of("rules", "local", "auto")) {
                reports.put(mode, report(mode));
            }
            return reports;
        }

        private SplitReport report(String mode) {
            AbsoluteErrors errors = all.getOrDefault(mode, new AbsoluteErrors());
            return new SplitReport((int) errors.count(), errors.mean(), errors.byDimension(), means(bySource.getOrDefault(mode, Map.of())),
                    means(byLanguage.getOrDefault(mode, Map.of())), constant.mean());
        }

        private static Map<String, Double> means(Map<String, AbsoluteErrors> errors) {
            Map<String, Double> means = new LinkedHashMap<>();
            errors.forEach((key, value) -> means.put(key, value.mean()));
            return means;
        }
    }

    public static Set<Method> defaultMethods() {
        return java.util.EnumSet.of(Method.STACKED, Method.RULES, Method.NGRAM, Method.STACKED_EMBEDDING);
    }
}
