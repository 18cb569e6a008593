package kotone.core.model.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import kotone.core.metrics.AbsoluteErrors;
import kotone.core.model.FeatureSpec;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.TextEmbedder;
import kotone.core.model.TextFeatures;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Trains the local model: kernel ridge regression (the dual form, so tens of thousands of hashed features
 * cost nothing) with one penalty per feature group, compared across {@link Method}s. Each method is tuned on
 * the valid split, compared by grouped cross-validation, and the best one within the latency budget (the fastest
 * among near-ties) is fitted on the train split and reported on test.
 */
public final class ModelTrainer {

    private static final int D = Dimension.COUNT;

    private final TrainerSettings settings;

    public ModelTrainer(TrainerSettings settings) {
        this.settings = settings;
    }

    public TrainingOutcome train(List<TrainingRow> rows, List<String> partIds, Set<Method> methods, TextEmbedder embedder,
            TrainingProgress progress) {
        long started = System.nanoTime();
        Problem problem = new Problem(rows, partIds, methods, embedder, progress);
        List<CandidateReport> candidates = new ArrayList<>();
        Map<Method, Map<String, Double>> tuned = new HashMap<>();
        for (Method method : methods) {
            Tuning tuning = problem.tune(method);
            tuned.put(method, tuning.lambdas);
            double cvMae = problem.crossValidate(method, tuning.lambdas);
            candidates.add(new CandidateReport(method.key(), tuning.lambdas, tuning.validMae, cvMae, problem.latencyMicros(method)));
        }
        CandidateReport chosen = choose(candidates);
        Method method = Method.fromKey(chosen.method());
        progress.step("fit", 0, 1);
        LocalModel model = problem.fit(method, tuned.get(method));
        progress.step("fit", 1, 1);
        SplitReport valid = problem.report(model, Split.VALID);
        SplitReport test = problem.report(model, Split.TEST);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new TrainingOutcome(model, method.key(), tuned.get(method), candidates, valid, test, problem.indices(Split.TRAIN).length,
                millis);
    }

    private CandidateReport choose(List<CandidateReport> all) {
        List<CandidateReport> fastEnough = all.stream().filter(c -> c.latencyMicros() <= settings.latencyBudgetMicros()).toList();
        List<CandidateReport> candidates = fastEnough.isEmpty() ? all : fastEnough;
        double best = candidates.stream().mapToDouble(CandidateReport::crossValidatedMae).min().orElseThrow();
        return candidates.stream()
                .filter(candidate -> candidate.crossValidatedMae() <= best + settings.maeTolerance())
                .min((a, b) -> Double.compare(a.latencyMicros(), b.latencyMicros()))
                .orElseThrow();
    }

    private record Tuning(Map<String, Double> lambdas, double validMae) {
    }

    /** The rows of one job with their features and Gram matrices, computed once and shared by every fit. */
    private final class Problem {

        private final List<TrainingRow> rows;
        private final int n;
        private final TextFeatures[] features;
        private final double[] labels;
        private final double[] partGram;
        private final double[] ngramGram;
        private final double[] embeddingGram;
        private final FeatureSpec fullSpec;
        private final String embeddingModel;
        private final int embeddingDimension;
        private final double ngramMicros;
        private final double embeddingMicros;
        private final TrainingProgress progress;
        private final int outputStep;

        Problem(List<TrainingRow> rows, List<String> partIds, Set<Method> methods, TextEmbedder embedder, TrainingProgress progress) {
            if (rows.size() > settings.maxRows()) {
                throw new IllegalArgumentException("this trainer takes at most " + settings.maxRows() + " rows, the dataset has " + rows.size());
            }
            boolean needsEmbedding = methods.stream().anyMatch(Method::embedding);
            if (needsEmbedding && embedder == null) {
                throw new IllegalArgumentException("an embedding method was asked for but no embedder is available");
            }
            this.rows = rows;
            this.n = rows.size();
            this.progress = progress;
            this.embeddingModel = needsEmbedding ? embedder.modelName() : null;
            this.embeddingDimension = needsEmbedding ? embedder.dimension() : 0;
            this.fullSpec = new FeatureSpec(partIds, settings.hashBits(), null, 0);
            Featurizer ngramFeaturizer = new Featurizer(fullSpec, null);
            features = new TextFeatures[n];
            labels = new double[n * D];
            long ngramNanos = 0;
            long embeddingNanos = 0;
            for (int i = 0; i < n; i++) {
                TrainingRow row = rows.get(i);
                long t0 = System.nanoTime();
                TextFeatures plain = ngramFeaturizer.features(row.text());
                long t1 = System.nanoTime();
                float[] embedding = needsEmbedding ? embedder.embed(row.text()) : new float[0];
                long t2 = System.nanoTime();
                ngramNanos += t1 - t0;
                embeddingNanos += t2 - t1;
                features[i] = new TextFeatures(plain.partIndices(), plain.hashIndices(), plain.hashValues(), embedding,
                        plain.vocabularyTokens());
                int[] label = row.label().toArray();
                for (int d = 0; d < D; d++) {
                    labels[i * D + d] = label[d];
                }
                if (i % 50 == 0 || i == n - 1) {
                    progress.step("features", i + 1, n);
                }
            }
            ngramMicros = n == 0 ? 0 : ngramNanos / 1000.0 / n;
            embeddingMicros = n == 0 ? 0 : embeddingNanos / 1000.0 / n;
            partGram = gram(TextFeatures::partDot, true);
            ngramGram = methods.stream().anyMatch(Method::ngrams) ? gram(TextFeatures::hashDot, false) : null;
            embeddingGram = needsEmbedding ? gram(TextFeatures::embeddingDot, false) : null;
            outputStep = detectStep(indices(Split.TRAIN));
            if (indices(Split.TRAIN).length == 0 || indices(Split.VALID).length == 0) {
                throw new IllegalArgumentException("training needs rows in both the train and the valid split");
            }
        }

        interface Dot {
            double apply(TextFeatures a, TextFeatures b);
        }

        private double[] gram(Dot dot, boolean withPartFlag) {
            double[] gram = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double value = dot.apply(features[i], features[j]);
                    if (withPartFlag && features[i].namesParts() && features[j].namesParts()) {
                        value += 1;
                    }
                    gram[i * n + j] = value;
                    gram[j * n + i] = value;
                }
            }
            return gram;
        }

        int[] indices(Split split) {
            return java.util.stream.IntStream.range(0, n).filter(i -> rows.get(i).split() == split).toArray();
        }

        double latencyMicros(Method method) {
            return ngramMicros + (method.embedding() ? embeddingMicros : 0);
        }

        private int detectStep(int[] train) {
            long onGrid = 0;
            for (int i : train) {
                for (int d = 0; d < D; d++) {
                    if (((int) labels[i * D + d]) % 5 == 0) {
                        onGrid++;
                    }
                }
            }
            return train.length > 0 && onGrid >= 0.95 * train.length * D ? 5 : 1;
        }

        private List<Map<String, Double>> grid(Method method) {
            List<Map<String, Double>> grid = new ArrayList<>();
            List<Double> ngram = method.ngrams() ? settings.ngramLambdas() : Collections.singletonList(null);
            List<Double> embedding = method.embedding() ? settings.embeddingLambdas() : Collections.singletonList(null);
            for (double part : settings.partLambdas()) {
                for (Double h : ngram) {
                    for (Double e : embedding) {
                        Map<String, Double> lambdas = new LinkedHashMap<>();
                        lambdas.put("parts", part);
                        if (h != null) {
                            lambdas.put("ngrams", h);
                        }
                        if (e != null) {
                            lambdas.put("embedding", e);
                        }
                        grid.add(lambdas);
                    }
                }
            }
            return grid;
        }

        Tuning tune(Method method) {
            int[] train = indices(Split.TRAIN);
            int[] valid = indices(Split.VALID);
            List<Map<String, Double>> grid = grid(method);
            Tuning best = null;
            for (int g = 0; g < grid.size(); g++) {
                progress.step("tune " + method.key(), g, grid.size());
                double mae = heldOutMae(grid.get(g), train, valid);
                if (best == null || mae < best.validMae) {
                    best = new Tuning(grid.get(g), mae);
                }
            }
            progress.step("tune " + method.key(), grid.size(), grid.size());
            return best;
        }

        double crossValidate(Method method, Map<String, Double> lambdas) {
            int[] pool = concat(indices(Split.TRAIN), indices(Split.VALID));
            TreeSet<String> groups = new TreeSet<>();
            for (int i : pool) {
                groups.add(rows.get(i).groupKey());
            }
            List<String> shuffled = new ArrayList<>(groups);
            Collections.shuffle(shuffled, new Random(settings.seed()));
            Map<String, Integer> foldOf = new HashMap<>();
            for (int g = 0; g < shuffled.size(); g++) {
                foldOf.put(shuffled.get(g), g % settings.folds());
            }
            double errorSum = 0;
            int count = 0;
            for (int fold = 0; fold < settings.folds(); fold++) {
                progress.step("cross-validate " + method.key(), fold, settings.folds());
                int f = fold;
                int[] heldOut = Arrays.stream(pool).filter(i -> foldOf.get(rows.get(i).groupKey()) == f).toArray();
                int[] fitOn = Arrays.stream(pool).filter(i -> foldOf.get(rows.get(i).groupKey()) != f).toArray();
                if (heldOut.length == 0 || fitOn.length == 0) {
                    continue;
                }
                errorSum += heldOutMae(lambdas, fitOn, heldOut) * heldOut.length;
                count += heldOut.length;
            }
            progress.step("cross-validate " + method.key(), settings.folds(), settings.folds());
            return count == 0 ? Double.NaN : errorSum / count;
        }

        private double heldOutMae(Map<String, Double> lambdas, int[] fitOn, int[] heldOut) {
            Fit fit = solve(lambdas, fitOn);
            double[][] shift = fit.shift;
            double sum = 0;
            for (int i : heldOut) {
                double[] raw = fit.predictRaw(i);
                int group = features[i].namesParts() ? 1 : 0;
                for (int d = 0; d < D; d++) {
                    double value = MusicVector.clamp(Math.round((raw[d] + shift[group][d]) / outputStep) * outputStep);
                    sum += Math.abs(value - labels[i * D + d]);
                }
            }
            return sum / (heldOut.length * (double) D);
        }

        /** The dual solution on some rows: alpha, the mean label, and the median residual shift per text group. */
        private final class Fit {
            final int[] on;
            final double[] alpha;
            final double[] mean;
            final Map<String, Double> lambdas;
            double[][] shift;

            Fit(int[] on, double[] alpha, double[] mean, Map<String, Double> lambdas) {
                this.on = on;
                this.alpha = alpha;
                this.mean = mean;
                this.lambdas = lambdas;
            }

            double[] predictRaw(int row) {
                double[] out = mean.clone();
                for (int k = 0; k < on.length; k++) {
                    double kernel = kernel(lambdas, row, on[k]);
                    for (int d = 0; d < D; d++) {
                        out[d] += kernel * alpha[k * D + d];
                    }
                }
                return out;
            }
        }

        private double kernel(Map<String, Double> lambdas, int i, int j) {
            int at = i * n + j;
            double value = partGram[at] / lambdas.get("parts");
            Double h = lambdas.get("ngrams");
            if (h != null) {
                value += ngramGram[at] / h;
            }
            Double e = lambdas.get("embedding");
            if (e != null) {
                value += embeddingGram[at] / e;
            }
            return value;
        }

        private Fit solve(Map<String, Double> lambdas, int[] on) {
            int m = on.length;
            double[] mean = new double[D];
            for (int i : on) {
                for (int d = 0; d < D; d++) {
                    mean[d] += labels[i * D + d] / m;
                }
            }
            double[] a = new double[m * m];
            for (int r = 0; r < m; r++) {
                for (int c = r; c < m; c++) {
                    double value = kernel(lambdas, on[r], on[c]) + (r == c ? 1 : 0);
                    a[r * m + c] = value;
                    a[c * m + r] = value;
                }
            }
            double[] b = new double[m * D];
            for (int r = 0; r < m; r++) {
                for (int d = 0; d < D; d++) {
                    b[r * D + d] = labels[on[r] * D + d] - mean[d];
                }
            }
            Fit fit = new Fit(on, Cholesky.solve(a, m, b, D), mean, lambdas);
            fit.shift = medianShifts(fit);
            return fit;
        }

        private double[][] medianShifts(Fit fit) {
            List<List<double[]>> residuals = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i : fit.on) {
                double[] raw = fit.predictRaw(i);
                double[] residual = new double[D];
                for (int d = 0; d < D; d++) {
                    residual[d] = labels[i * D + d] - raw[d];
                }
                residuals.get(features[i].namesParts() ? 1 : 0).add(residual);
            }
            double[][] shift = new double[2][D];
            for (int g = 0; g < 2; g++) {
                List<double[]> group = residuals.get(g);
                for (int d = 0; d < D && !group.isEmpty(); d++) {
                    int dimension = d;
                    shift[g][d] = median(group.stream().mapToDouble(r -> r[dimension]).toArray());
                }
            }
            return shift;
        }

        LocalModel fit(Method method, Map<String, Double> lambdas) {
            int[] train = indices(Split.TRAIN);
            Fit fit = solve(lambdas, train);
            FeatureSpec spec = new FeatureSpec(fullSpec.partIds(), method.ngrams() ? settings.hashBits() : 0,
                    method.embedding() ? embeddingModel : null, method.embedding() ? embeddingDimension : 0);
            float[][] weights = new float[D][spec.width()];
            double partScale = 1 / lambdas.get("parts");
            for (int k = 0; k < train.length; k++) {
                TextFeatures x = features[train[k]];
                for (int d = 0; d < D; d++) {
                    double a = fit.alpha[k * D + d];
                    for (int part : x.partIndices()) {
                        weights[d][spec.partOffset() + part] += (float) (a * partScale);
                    }
                    if (x.namesParts()) {
                        weights[d][spec.namesPartsIndex()] += (float) (a * partScale);
                    }
                    if (method.ngrams()) {
                        double scale = a / lambdas.get("ngrams");
                        for (int i = 0; i < x.hashIndices().length; i++) {
                            weights[d][spec.hashOffset() + x.hashIndices()[i]] += (float) (scale * x.hashValues()[i]);
                        }
                    }
                    if (method.embedding()) {
                        double scale = a / lambdas.get("embedding");
                        for (int i = 0; i < x.embedding().length; i++) {
                            weights[d][spec.embeddingOffset() + i] += (float) (scale * x.embedding()[i]);
                        }
                    }
                }
            }
            TreeSet<Integer> vocabulary = new TreeSet<>();
            for (int i : train) {
                for (int token : features[i].vocabularyTokens()) {
                    vocabulary.add(token);
                }
            }
            int[] vocabularyArray = vocabulary.stream().mapToInt(Integer::intValue).toArray();
            return new LocalModel(spec, weights, fit.mean, fit.shift, outputStep, vocabularyArray);
        }

        SplitReport report(LocalModel model, Split split) {
            int[] at = indices(split);
            AbsoluteErrors all = new AbsoluteErrors();
            AbsoluteErrors constant = new AbsoluteErrors();
            Map<String, AbsoluteErrors> bySource = new LinkedHashMap<>();
            Map<String, AbsoluteErrors> byLanguage = new LinkedHashMap<>();
            MusicVector median = trainMedian();
            for (int i : at) {
                MusicVector predicted = model.predict(restrict(features[i], model.spec())).vector();
                MusicVector target = rows.get(i).label();
                all.add(predicted, target);
                constant.add(median, target);
                bySource.computeIfAbsent(rows.get(i).sourceType(), key -> new AbsoluteErrors()).add(predicted, target);
                byLanguage.computeIfAbsent(rows.get(i).language(), key -> new AbsoluteErrors()).add(predicted, target);
            }
            return new SplitReport(at.length, all.mean(), all.byDimension(), means(bySource), means(byLanguage), constant.mean());
        }

        private MusicVector trainMedian() {
            int[] train = indices(Split.TRAIN);
            double[] values = new double[D];
            for (int d = 0; d < D; d++) {
                int dimension = d;
                values[d] = median(Arrays.stream(train).mapToDouble(i -> labels[i * D + dimension]).toArray());
            }
            return MusicVector.rounded(values);
        }
    }

    /** The features a model of this spec reads, taken from features computed for every group. */
    static TextFeatures restrict(TextFeatures full, FeatureSpec spec) {
        return new TextFeatures(full.partIndices(),
                spec.usesNgrams() ? full.hashIndices() : new int[0],
                spec.usesNgrams() ? full.hashValues() : new float[0],
                spec.usesEmbedding() ? full.embedding() : new float[0],
                full.vocabularyTokens());
    }

    private static Map<String, Double> means(Map<String, AbsoluteErrors> errors) {
        Map<String, Double> means = new LinkedHashMap<>();
        errors.forEach((key, value) -> means.put(key, value.mean()));
        return means;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static Set<Method> allMethods() {
        return EnumSet.allOf(Method.class);
    }

}
