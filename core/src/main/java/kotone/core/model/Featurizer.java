package kotone.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.text.Tokens;

/**
 * Reads the features of a {@link FeatureSpec} from text: the rules' reading (see {@link RuleFeatures}), the part ids
 * named (each once however often), and word unigrams and bigrams, character trigrams of words (so "quiet" helps
 * "quieter") and Japanese character unigrams and bigrams hashed into one space, counted and L2-normalised.
 */
public final class Featurizer {

    private final FeatureSpec spec;
    private final Map<String, Integer> partIndex = new HashMap<>();
    private final TextEmbedder embedder;
    private final RuleInterpreter rules;

    /**
     * @param embedder needed only when the spec uses an embedding; may be null otherwise
     * @param rules needed only when the spec reads the rules; may be null otherwise
     */
    public Featurizer(FeatureSpec spec, TextEmbedder embedder, RuleInterpreter rules) {
        this.spec = spec;
        this.embedder = embedder;
        this.rules = rules;
        if (spec.rules() && rules == null) {
            throw new IllegalArgumentException("this model reads the rules' reading: give a rule interpreter");
        }
        List<String> ids = spec.partIds();
        for (int i = 0; i < ids.size(); i++) {
            partIndex.put(ids.get(i), i);
        }
        if (spec.usesEmbedding()) {
            if (embedder == null) {
                throw new IllegalArgumentException("this model reads " + spec.embeddingModel() + " embeddings: give an embedder");
            }
            if (embedder.dimension() != spec.embeddingDimension() || !embedder.modelName().equals(spec.embeddingModel())) {
                throw new IllegalArgumentException("the model needs " + spec.embeddingModel() + " (" + spec.embeddingDimension()
                        + "), the embedder is " + embedder.modelName() + " (" + embedder.dimension() + ")");
            }
        }
    }

    public FeatureSpec spec() {
        return spec;
    }

    public TextFeatures features(String text) {
        return features(text, spec.rules() ? rules.read(text, null) : null);
    }

    /** @param reading the rules' reading of the text, when the caller has it already; needed when the spec reads the rules */
    public TextFeatures features(String text, RuleInterpreter.Reading reading) {
        String normalized = Tokens.normalize(text);
        List<String> words = Tokens.words(normalized);
        TreeSet<Integer> parts = new TreeSet<>();
        TreeSet<Integer> vocabulary = new TreeSet<>();
        TreeMap<Integer, Float> counts = new TreeMap<>();
        int mask = spec.hashWidth() - 1;
        String previous = null;
        for (String word : words) {
            Integer part = partIndex.get(word);
            if (part != null) {
                parts.add(part);
            }
            vocabulary.add(Tokens.hash(word));
            if (previous != null) {
                // word pairs too: a short request of common words is familiar word by word, not as a phrase
                vocabulary.add(Tokens.hash(previous + ' ' + word));
            }
            if (spec.usesNgrams()) {
                count(counts, "w" + word, mask);
                if (previous != null) {
                    count(counts, "b" + previous + ' ' + word, mask);
                }
                String bounded = '^' + word + '$';
                for (int i = 0; i + 3 <= bounded.length() && bounded.length() > 4; i++) {
                    count(counts, "c" + bounded.substring(i, i + 3), mask);
                }
            }
            previous = word;
        }
        for (String run : Tokens.japaneseRuns(normalized)) {
            for (int i = 0; i < run.length(); i++) {
                if (i + 2 < run.length()) {
                    vocabulary.add(Tokens.hash(run.substring(i, i + 3)));
                }
                if (i + 1 < run.length()) {
                    String pair = run.substring(i, i + 2);
                    vocabulary.add(Tokens.hash(pair));
                    if (spec.usesNgrams()) {
                        count(counts, "k" + pair, mask);
                    }
                }
                if (spec.usesNgrams()) {
                    count(counts, "j" + run.charAt(i), mask);
                }
            }
        }
        int[] hashIndices = new int[counts.size()];
        float[] hashValues = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (Map.Entry<Integer, Float> entry : counts.entrySet()) {
            hashIndices[k] = entry.getKey();
            hashValues[k] = entry.getValue();
            norm += (double) hashValues[k] * hashValues[k];
            k++;
        }
        if (norm > 0) {
            float inverse = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < hashValues.length; i++) {
                hashValues[i] *= inverse;
            }
        }
        float[] embedding = spec.usesEmbedding() ? embedder.embed(text) : new float[0];
        float[] ruleFeatures = spec.rules() ? RuleFeatures.of(reading) : new float[0];
        return new TextFeatures(ruleFeatures, toArray(parts), hashIndices, hashValues, embedding, toArray(vocabulary));
    }

    private static void count(TreeMap<Integer, Float> counts, String token, int mask) {
        counts.merge(Tokens.hash(token) & mask, 1f, Float::sum);
    }

    private static int[] toArray(TreeSet<Integer> set) {
        int[] array = new int[set.size()];
        int i = 0;
        for (int value : set) {
            array[i++] = value;
        }
        Arrays.sort(array);
        return array;
    }
}
