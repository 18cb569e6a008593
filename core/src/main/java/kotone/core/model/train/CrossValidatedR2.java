package kotone.core.model.train;

import java.util.List;
import kotone.core.model.FeatureSpec;
import kotone.core.model.Featurizer;
import kotone.core.model.TextFeatures;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * How much of the labels' variance the texts alone explain: ridge regression on hashed n-grams, judged by grouped
 * cross-validation against the constant (the training folds' mean), as 1 - SSE(model) / SSE(constant) over every
 * dimension. Near 0 (or below) when the texts carry no information about their labels.
 */
public final class CrossValidatedR2 {

    private static final int K = Dimension.COUNT;
    private static final int FOLDS = 3;
    private static final double PENALTY = 1e-2;

    private final Featurizer featurizer = new Featurizer(new FeatureSpec(List.of(), 9, false, null, 0), null, null);

    /** @param groups rows of one group (one teacher pair) share a fold */
    public double of(List<String> texts, List<MusicVector> labels, List<String> groups) {
        FeatureSpec spec = featurizer.spec();
        Gram[] folds = new Gram[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            folds[f] = new Gram(spec.width());
        }
        for (int i = 0; i < texts.size(); i++) {
            TextFeatures.SparseRow row = featurizer.features(texts.get(i)).row(spec);
            int[] label = labels.get(i).toArray();
            double[] target = new double[K];
            for (int d = 0; d < K; d++) {
                target[d] = label[d];
            }
            folds[Math.floorMod(groups.get(i).hashCode(), FOLDS)].add(row.indices(), row.values(), target, 1);
        }
        PrimalRidge ridge = new PrimalRidge(folds);
        int[] active = java.util.stream.IntStream.range(0, spec.width()).toArray();
        double[] penalty = new double[spec.width()];
        java.util.Arrays.fill(penalty, PENALTY);
        double model = 0;
        double constant = 0;
        for (int f = 0; f < FOLDS; f++) {
            if (folds[f].rows == 0 || folds[f].rows == texts.size()) {
                continue;
            }
            RidgeSolution fitted = ridge.fit(active, penalty, f);
            model += ridge.squaredError(fitted, f)[0];
            Gram rest = Gram.sum(folds, f);
            double[] mean = new double[K];
            for (int d = 0; d < K; d++) {
                mean[d] = rest.ysum[d] / rest.weight;
            }
            constant += ridge.squaredError(new RidgeSolution(new double[K][spec.width()], mean), f)[0];
        }
        return constant == 0 ? 0 : 1 - model / constant;
    }
}
