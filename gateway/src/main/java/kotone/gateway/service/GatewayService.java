package kotone.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import kotone.common.problem.Problem;
import kotone.gateway.auth.ApiKeyRegistry;
import kotone.gateway.auth.Role;
import kotone.gateway.proxy.Forwarder;
import kotone.gateway.routing.Route;
import kotone.gateway.routing.RouteTable;

/** Who may do what: the key's role against the route's, then the route's upstream. */
@ApplicationScoped
public class GatewayService {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeyRegistry keys;
    private final RouteTable routes;
    private final Forwarder forwarder;

    public GatewayService(ApiKeyRegistry keys, RouteTable routes, Forwarder forwarder) {
        this.keys = keys;
        this.routes = routes;
        this.forwarder = forwarder;
    }

    public Uni<Response> handle(String method, String path, String query, HttpHeaders headers, byte[] body) {
        String publicPath = "/api/v1/" + path;
        Optional<Role> role = keys.roleOf(headers.getHeaderString(API_KEY_HEADER));
        if (role.isEmpty()) {
            return reject(Problem.of(401, "Unauthorized", "a valid API key is required in the " + API_KEY_HEADER
                    + " header"), publicPath);
        }
        Optional<Route> route = routes.match(method, path);
        if (route.isEmpty()) {
            return routes.knowsPath(path)
                    ? reject(Problem.of(405, "Method Not Allowed", method + " is not allowed on " + publicPath), publicPath)
                    : reject(Problem.of(404, "Not Found", "no route for " + publicPath), publicPath);
        }
        if (!role.get().includes(route.get().role())) {
            return reject(Problem.of(403, "Forbidden", method + " " + publicPath + " needs the "
                    + route.get().role().key() + " role; this key has " + role.get().key()), publicPath);
        }
        return forwarder.forward(route.get(), method, path, query, headers, body);
    }

    private static Uni<Response> reject(Problem problem, String path) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(path));
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"");
        }
        return Uni.createFrom().item(response.build());
    }
}
