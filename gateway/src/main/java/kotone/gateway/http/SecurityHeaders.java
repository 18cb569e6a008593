package kotone.gateway.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer the gateway gives, its own and the services' it passes on: set as the headers
 * leave, so that no upstream answer goes out without them. The dashboard and everything else get a strict policy
 * (nothing from elsewhere, no inline script or style, never in a frame); Swagger UI, whose page runs inline script,
 * a looser one for its own path only.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String SWAGGER_UI = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onEveryRequest);
    }

    void onEveryRequest(RoutingContext context) {
        String path = context.request().path();
        context.addHeadersEndHandler(ignored -> write(context.response(), path != null && path.startsWith("/q/swagger-ui") ? SWAGGER_UI : STRICT));
        context.next();
    }

    private static void write(HttpServerResponse response, String policy) {
        response.headers().set("Content-Security-Policy", policy).set("X-Content-Type-Options", "nosniff").set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY");
    }
}
