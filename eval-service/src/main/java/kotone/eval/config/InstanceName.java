package kotone.eval.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This eval instance's name, under which it claims run chunks, gate checks and cycles (new at every start). */
@ApplicationScoped
public class InstanceName {

    private final String name = "eval-" + UUID.randomUUID();

    public String get() {
        return name;
    }
}
