package kotone.interpreter.model;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.core.model.TextEmbedder;
import kotone.embeddings.MiniLmEmbedder;

/** Loads a sentence-embedding model only when a promoted local model needs one. */
@ApplicationScoped
public class Embedders {

    private volatile TextEmbedder miniLm;

    public TextEmbedder forModel(String name) {
        if (!MiniLmEmbedder.MODEL_NAME.equals(name)) {
            throw new IllegalStateException("this interpreter has no embedding model " + name);
        }
        if (miniLm == null) {
            synchronized (this) {
                if (miniLm == null) {
                    miniLm = new MiniLmEmbedder();
                }
            }
        }
        return miniLm;
    }
}
