package kotone.gateway.routing;

import static kotone.gateway.auth.Role.ADMIN;
import static kotone.gateway.auth.Role.ANALYST;
import static kotone.gateway.auth.Role.CLIENT;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kotone.gateway.auth.Role;

/**
 * The public surface of kotone (see CONTRACT.md): which service answers each path under {@code /api/v1/}
 * and which role it needs. Reads are for analysts and changes for admins, except what game clients do.
 */
@ApplicationScoped
public class RouteTable {

    private static final String ID = "[^/]+";

    private final List<Route> routes = new ArrayList<>();

    public RouteTable() {
        add("POST", "interpret", Upstream.INTERPRETER, CLIENT);
        add("GET", "interpret/modes", Upstream.INTERPRETER, CLIENT);
        add("GET", "models/active", Upstream.INTERPRETER, ANALYST);

        add("POST", "score", Upstream.SCORING, CLIENT);
        add("POST", "score/batch", Upstream.SCORING, CLIENT);
        add("GET", "catalog/parts", Upstream.SCORING, CLIENT);
        add("GET", "catalog/parts/" + ID, Upstream.SCORING, CLIENT);

        readsAndWrites("eval/(datasets|runs|cycles|summary|guards|gate-checks|model-cards)(/.*)?", Upstream.EVAL);
        readsAndWrites("(datasets|training-jobs|models)(/.*)?", Upstream.DATASET);

        // live traffic: the interpreter's POST /traffic/batches is internal and has no public route
        add("GET", "traffic(/summary|/drift|/drift/checks|/shadow/" + ID + ")?", Upstream.DATASET, ANALYST);
        add("POST", "traffic/drift/checks", Upstream.DATASET, ADMIN);
        add("DELETE", "traffic/" + ID, Upstream.DATASET, ADMIN);
        add("GET", "annotations/(queue|agreement)", Upstream.DATASET, ANALYST);
        add("POST", "annotations/" + ID + "/(labels|skips)", Upstream.DATASET, ANALYST);
    }

    private void readsAndWrites(String pattern, Upstream upstream) {
        add("GET", pattern, upstream, ANALYST);
        add("POST", pattern, upstream, ADMIN);
        add("PUT", pattern, upstream, ADMIN);
        add("DELETE", pattern, upstream, ADMIN);
    }

    private void add(String method, String pattern, Upstream upstream, Role role) {
        routes.add(new Route(method, Pattern.compile(pattern), upstream, role));
    }

    /** The route for a method and a path relative to {@code /api/v1/}. */
    public Optional<Route> match(String method, String path) {
        return routes.stream().filter(route -> route.matches(method, path)).findFirst();
    }

    /** Whether any method is routed for this path: tells a 405 from a 404. */
    public boolean knowsPath(String path) {
        return routes.stream().anyMatch(route -> route.matchesPath(path));
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
