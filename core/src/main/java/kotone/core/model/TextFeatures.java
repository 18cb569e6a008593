package kotone.core.model;

import java.util.Arrays;

/**
 * The features of one text. The rules' features and the embedding are dense (empty when the spec has none); part
 * indices and n-gram buckets are sparse. {@code vocabularyTokens} are the word and Japanese-bigram hashes a model uses
 * to measure how familiar a text is.
 */
public record TextFeatures(float[] rules, int[] partIndices, int[] hashIndices, float[] hashValues, float[] embedding,
        int[] vocabularyTokens) {

    public boolean namesParts() {
        return partIndices.length > 0;
    }

    /** The features as a sparse vector of a spec's width: ascending indices and their values. */
    public SparseRow row(FeatureSpec spec) {
        int size = rules.length + partIndices.length + (namesParts() ? 1 : 0) + hashIndices.length + embedding.length;
        int[] indices = new int[size];
        float[] values = new float[size];
        int k = 0;
        for (int i = 0; i < rules.length; i++) {
            indices[k] = spec.ruleOffset() + i;
            values[k++] = rules[i];
        }
        for (int part : partIndices) {
            indices[k] = spec.partOffset() + part;
            values[k++] = 1;
        }
        if (namesParts()) {
            indices[k] = spec.namesPartsIndex();
            values[k++] = 1;
        }
        for (int i = 0; i < hashIndices.length; i++) {
            indices[k] = spec.hashOffset() + hashIndices[i];
            values[k++] = hashValues[i];
        }
        for (int i = 0; i < embedding.length; i++) {
            indices[k] = spec.embeddingOffset() + i;
            values[k++] = embedding[i];
        }
        return new SparseRow(indices, values);
    }

    /** A sparse feature vector: ascending indices and their values. */
    public record SparseRow(int[] indices, float[] values) {
    }

    @Override
    public String toString() {
        return "TextFeatures[rules=" + rules.length + ", parts=" + Arrays.toString(partIndices) + ", ngrams=" + hashIndices.length
                + ", embedding=" + embedding.length + "]";
    }
}
