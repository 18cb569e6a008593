package kotone.core.model;

import java.util.Arrays;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * The locally trained interpreter: a linear model per dimension over {@link TextFeatures} (which may include the rules'
 * reading: the model then learns per dimension how far to trust it), followed by its output step, and the combination
 * the auto mode serves with it. The output step is part of the model because the metric is MAE on integer labels: a
 * shift to the median residual of each text group (texts that name parts, texts that do not) and rounding to the grid
 * the labels live on both lower MAE against a plain least-squares output.
 *
 * @param weights one row per dimension, {@link FeatureSpec#width()} wide
 * @param intercept one per dimension
 * @param groupShift [0] for texts that name no part, [1] for texts that do; one value per dimension
 * @param outputStep predictions are rounded to multiples of this (1 or 5 in practice)
 * @param vocabulary sorted hashes of the words, word pairs and Japanese character pairs and triples seen in training
 * @param combination how auto combines this model's reading with the rules'
 */
public record LocalModel(FeatureSpec spec, float[][] weights, double[] intercept, double[][] groupShift, int outputStep,
        int[] vocabulary, Combination combination) {

    public LocalModel {
        if (weights.length != Dimension.COUNT || intercept.length != Dimension.COUNT || groupShift.length != 2) {
            throw new IllegalArgumentException("a model has one weight row, intercept and shift per dimension");
        }
        for (float[] row : weights) {
            if (row.length != spec.width()) {
                throw new IllegalArgumentException("weight rows must be " + spec.width() + " wide, got " + row.length);
            }
        }
        if (outputStep < 1) {
            throw new IllegalArgumentException("outputStep must be at least 1");
        }
    }

    public Prediction predict(TextFeatures features) {
        double[] raw = rawScores(features);
        int group = features.namesParts() ? 1 : 0;
        int[] values = new int[Dimension.COUNT];
        for (int d = 0; d < Dimension.COUNT; d++) {
            values[d] = step(raw[d] + groupShift[group][d]);
        }
        return new Prediction(MusicVector.of(values), coverage(features), features.namesParts());
    }

    /** The output step: rounded to the labels' grid and clamped to 0-100. */
    public int step(double value) {
        return MusicVector.clamp(Math.round(value / outputStep) * outputStep);
    }

    /** The linear part alone, before the group shift and the output step. */
    public double[] rawScores(TextFeatures features) {
        TextFeatures.SparseRow row = features.row(spec);
        double[] raw = intercept.clone();
        int[] indices = row.indices();
        float[] values = row.values();
        for (int d = 0; d < Dimension.COUNT; d++) {
            float[] w = weights[d];
            double sum = raw[d];
            for (int i = 0; i < indices.length; i++) {
                sum += w[indices[i]] * values[i];
            }
            raw[d] = sum;
        }
        return raw;
    }

    /** The share of a text's words and word pairs (Japanese: character pairs and triples) that training saw; 0 for none. */
    public double coverage(TextFeatures features) {
        int[] tokens = features.vocabularyTokens();
        if (tokens.length == 0) {
            return 0;
        }
        int known = 0;
        for (int token : tokens) {
            if (Arrays.binarySearch(vocabulary, token) >= 0) {
                known++;
            }
        }
        return known / (double) tokens.length;
    }

    /**
     * @param coverage how familiar the text is to the model, 0-1 (see {@link LocalModel#coverage})
     * @param namesParts whether the text named catalog parts, which the model knows best
     */
    public record Prediction(MusicVector vector, double coverage, boolean namesParts) {
    }
}
