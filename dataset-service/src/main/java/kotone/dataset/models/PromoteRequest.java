package kotone.dataset.models;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Promotes a version. Without a champion the first promotion needs nothing; after that it rests on a passed gate check
 * of the version against the current champion: the one named, or the newest one made. An admin may force it with a
 * reason, which is kept in the history.
 */
public record PromoteRequest(UUID gateCheckId, Boolean force, @Size(max = 1000) String reason) {

    public static PromoteRequest none() {
        return new PromoteRequest(null, false, null);
    }

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
