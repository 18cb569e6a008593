package kotone.dataset.training;

import jakarta.enterprise.context.ApplicationScoped;
import kotone.core.model.TextEmbedder;
import kotone.embeddings.MiniLmEmbedder;

/** Loads the sentence-embedding model the first time a job needs it (about a second and 90 MB), then keeps it. */
@ApplicationScoped
public class Embedders {

    private volatile TextEmbedder miniLm;

    public TextEmbedder miniLm() {
        TextEmbedder loaded = miniLm;
        if (loaded == null) {
            synchronized (this) {
                if (miniLm == null) {
                    miniLm = new MiniLmEmbedder();
                }
                loaded = miniLm;
            }
        }
        return loaded;
    }
}
