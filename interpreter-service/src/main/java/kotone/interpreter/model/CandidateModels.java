package kotone.interpreter.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Model versions other than the promoted one, loaded on demand when a request names one (an eval of a candidate
 * before the promotion gate decides). The few most recent are kept; the promoted model is not affected.
 */
@ApplicationScoped
public class CandidateModels {

    private static final int KEPT = 4;

    private final ModelPoller loader;
    private final ActiveModel active;
    private final Map<Integer, ServedModel> loaded = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ServedModel> eldest) {
            return size() > KEPT;
        }
    };

    public CandidateModels(ModelPoller loader, ActiveModel active) {
        this.loader = loader;
        this.active = active;
    }

    /** The version, loaded if needed; empty when the registry has no such version. */
    public Optional<ServedModel> get(int version) throws Exception {
        Optional<ServedModel> promoted = active.get().filter(model -> model.version() == version);
        if (promoted.isPresent()) {
            return promoted;
        }
        synchronized (loaded) {
            ServedModel model = loaded.get(version);
            if (model == null) {
                model = loader.loadVersion(version);
                if (model == null) {
                    return Optional.empty();
                }
                loaded.put(version, model);
            }
            return Optional.of(model);
        }
    }
}
