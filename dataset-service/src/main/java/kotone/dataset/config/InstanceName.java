package kotone.dataset.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This dataset instance's name, under which it claims training jobs (new at every start). */
@ApplicationScoped
public class InstanceName {

    private final String name = "dataset-" + UUID.randomUUID();

    public String get() {
        return name;
    }
}
