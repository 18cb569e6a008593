package kotone.core.model;

/** Turns a text into a dense, L2-normalised sentence embedding. Implementations may be slow; callers cache. */
public interface TextEmbedder {

    String modelName();

    int dimension();

    float[] embed(String text);
}
