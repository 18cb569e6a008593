package kotone.gateway.routing;

import java.util.regex.Pattern;
import kotone.gateway.auth.Role;

/** One entry of the route table: a method and a path pattern (after {@code /api/v1/}), its upstream and role. */
public record Route(String method, Pattern path, Upstream upstream, Role role) {

    public boolean matchesPath(String candidate) {
        return path.matcher(candidate).matches();
    }

    public boolean matches(String candidateMethod, String candidatePath) {
        return method.equals(candidateMethod) && matchesPath(candidatePath);
    }
}
