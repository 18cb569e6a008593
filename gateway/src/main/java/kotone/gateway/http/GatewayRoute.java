package kotone.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import kotone.common.http.Caller;
import kotone.common.problem.Problem;
import kotone.gateway.auth.ApiKeyRegistry;
import kotone.gateway.auth.Role;
import kotone.gateway.proxy.UpstreamProxies;
import kotone.gateway.proxy.UpstreamProxy;
import kotone.gateway.routing.Route;
import kotone.gateway.routing.RouteTable;

/**
 * Everything under {@code /api/v1/}: the key's role against the route's, then the route's upstream. It runs
 * on the event loop and hands the request to a reverse proxy before reading its body, so bodies stream.
 */
@ApplicationScoped
public class GatewayRoute {

    private final ApiKeyRegistry keys;
    private final RouteTable routes;
    private final UpstreamProxies proxies;

    public GatewayRoute(ApiKeyRegistry keys, RouteTable routes, UpstreamProxies proxies) {
        this.keys = keys;
        this.routes = routes;
        this.proxies = proxies;
    }

    void install(@Observes Router router) {
        router.route(UpstreamProxy.PUBLIC_PREFIX + "/*").handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String publicPath = request.path();
        String path = withoutLeadingSlashes(publicPath.substring(UpstreamProxy.PUBLIC_PREFIX.length()));
        String method = request.method().name();
        Optional<ApiKeyRegistry.KeyHolder> holder = keys.holderOf(request.getHeader(ProblemWriter.API_KEY_HEADER));
        if (holder.isEmpty()) {
            reject(context, Problem.of(401, "Unauthorized", "a valid API key is required in the "
                    + ProblemWriter.API_KEY_HEADER + " header"));
            return;
        }
        Optional<Route> route = routes.match(method, path);
        if (route.isEmpty()) {
            reject(context, routes.knowsPath(path)
                    ? Problem.of(405, "Method Not Allowed", method + " is not allowed on " + publicPath)
                    : Problem.of(404, "Not Found", "no route for " + publicPath));
            return;
        }
        Role role = holder.get().role();
        if (!role.includes(route.get().role())) {
            reject(context, Problem.of(403, "Forbidden", method + " " + publicPath + " needs the "
                    + route.get().role().key() + " role; this key has " + role.key()));
            return;
        }
        // the services behind learn who asked (for the alias history and audit), never from the client itself
        request.headers().set(Caller.HEADER, holder.get().caller());
        proxies.get(route.get().upstream()).handle(request);
    }

    private static String withoutLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }

    private static void reject(RoutingContext context, Problem problem) {
        ProblemWriter.write(context.response(), problem.at(context.request().path()));
    }
}
