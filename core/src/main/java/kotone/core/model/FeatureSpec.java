package kotone.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Which features a local model reads from a text, and where each group sits in its weight vector: the rules' reading
 * (see {@link RuleFeatures}), part ids named in the text, a flag for "names parts at all", hashed word and character
 * n-grams, and optionally a sentence embedding.
 *
 * @param partIds the part ids recognised as features, in weight order
 * @param hashBits the n-gram hash space is 2^hashBits wide; 0 when the model reads no n-grams
 * @param rules whether the model reads the rules' reading
 * @param embeddingModel the sentence-embedding model, or null when the model reads no embedding
 * @param embeddingDimension the embedding's width; 0 without one
 */
public record FeatureSpec(List<String> partIds, int hashBits, boolean rules, String embeddingModel, int embeddingDimension) {

    public FeatureSpec {
        partIds = List.copyOf(partIds);
        if (hashBits < 0 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be 0-24, got " + hashBits);
        }
        if ((embeddingModel == null) != (embeddingDimension == 0)) {
            throw new IllegalArgumentException("an embedding needs both a model and a dimension");
        }
    }

    public boolean usesNgrams() {
        return hashBits > 0;
    }

    public boolean usesEmbedding() {
        return embeddingModel != null;
    }

    public int hashWidth() {
        return hashBits == 0 ? 0 : 1 << hashBits;
    }

    public int ruleWidth() {
        return rules ? RuleFeatures.WIDTH : 0;
    }

    public int ruleOffset() {
        return 0;
    }

    public int partOffset() {
        return ruleWidth();
    }

    public int namesPartsIndex() {
        return partOffset() + partIds.size();
    }

    public int hashOffset() {
        return namesPartsIndex() + 1;
    }

    public int embeddingOffset() {
        return hashOffset() + hashWidth();
    }

    public int width() {
        return embeddingOffset() + embeddingDimension;
    }

    /** A short name of the feature groups, as reported in model metadata: "rules+ngram", "ngram+embedding", ... */
    public String methodName() {
        StringBuilder name = new StringBuilder();
        if (rules) {
            name.append("rules");
        }
        if (usesNgrams()) {
            name.append(name.isEmpty() ? "" : "+").append("ngram");
        }
        if (usesEmbedding()) {
            name.append(name.isEmpty() ? "" : "+").append("embedding");
        }
        return name.isEmpty() ? "parts" : name.toString();
    }

    public boolean sameAs(FeatureSpec other) {
        return Objects.equals(this, other);
    }
}
