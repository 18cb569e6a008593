package kotone.core.model;

import java.util.Arrays;

/**
 * The features of one text. Part indices and n-gram buckets are sparse; the embedding is dense (empty
 * when the spec has none). {@code vocabularyTokens} are the word and Japanese-bigram hashes a model uses to
 * measure how familiar a text is.
 */
public record TextFeatures(int[] partIndices, int[] hashIndices, float[] hashValues, float[] embedding,
        int[] vocabularyTokens) {

    public boolean namesParts() {
        return partIndices.length > 0;
    }

    /** The dot product of two texts' features in the weighting of one feature group each. */
    public static double partDot(TextFeatures a, TextFeatures b) {
        return intersectionSize(a.partIndices, b.partIndices);
    }

    public static double hashDot(TextFeatures a, TextFeatures b) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.hashIndices.length && j < b.hashIndices.length) {
            int x = a.hashIndices[i];
            int y = b.hashIndices[j];
            if (x == y) {
                sum += (double) a.hashValues[i++] * b.hashValues[j++];
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    public static double embeddingDot(TextFeatures a, TextFeatures b) {
        double sum = 0;
        for (int i = 0; i < a.embedding.length; i++) {
            sum += (double) a.embedding[i] * b.embedding[i];
        }
        return sum;
    }

    private static int intersectionSize(int[] sortedA, int[] sortedB) {
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < sortedA.length && j < sortedB.length) {
            if (sortedA[i] == sortedB[j]) {
                count++;
                i++;
                j++;
            } else if (sortedA[i] < sortedB[j]) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "TextFeatures[parts=" + Arrays.toString(partIndices) + ", ngrams=" + hashIndices.length
                + ", embedding=" + embedding.length + "]";
    }
}
