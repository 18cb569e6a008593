package kotone.eval.guards;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class GuardRepository implements PanacheRepositoryBase<Guard, String> {

    /** Every guard, the oldest first. */
    public List<Guard> all() {
        return listAll(Sort.by("registeredAt").and("setId"));
    }
}
