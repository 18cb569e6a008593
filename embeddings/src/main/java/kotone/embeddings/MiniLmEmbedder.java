package kotone.embeddings;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import kotone.core.model.TextEmbedder;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, L2-normalised), run in-process through ONNX from the
 * model that ships inside its Maven artifact. Loading takes about a second; create one and share it.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    public static final String MODEL_NAME = "all-minilm-l6-v2";

    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
