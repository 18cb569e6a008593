package kotone.interpreter.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The local model being served, if any. Readers take one reference per request; a swap replaces it whole. */
@ApplicationScoped
public class ActiveModel {

    private final AtomicReference<ServedModel> current = new AtomicReference<>();

    public Optional<ServedModel> get() {
        return Optional.ofNullable(current.get());
    }

    void swap(ServedModel model) {
        current.set(model);
    }

    void clear() {
        current.set(null);
    }
}
