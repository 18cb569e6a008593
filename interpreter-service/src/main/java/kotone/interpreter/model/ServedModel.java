package kotone.interpreter.model;

import java.time.Instant;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;

/** A local model fully loaded and ready: swapped in as one reference, so no request sees half of it. */
public record ServedModel(int version, String method, String weightsSha256, LocalModel model, Featurizer featurizer, Instant loadedAt) {
}
