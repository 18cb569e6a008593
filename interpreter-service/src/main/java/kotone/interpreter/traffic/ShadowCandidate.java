package kotone.interpreter.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The candidate the registry names for shadowing, as last read by the model poller; none when it names none. */
@ApplicationScoped
public class ShadowCandidate {

    private volatile Integer version;

    public Optional<Integer> version() {
        return Optional.ofNullable(version);
    }

    public void set(Integer version) {
        this.version = version;
    }
}
