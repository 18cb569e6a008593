package kotone.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kotone.gateway.service.GatewayService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Everything under {@code /api/v1/}: checked, routed and relayed by {@link GatewayService}. */
@Path("/api/v1/{path: .+}")
@Consumes(MediaType.WILDCARD)
public class GatewayResource {

    private final GatewayService gateway;

    public GatewayResource(GatewayService gateway) {
        this.gateway = gateway;
    }

    @GET
    @Operation(summary = "Read through the gateway (routes in CONTRACT.md)")
    public Uni<Response> get(@PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return gateway.handle("GET", path, request.query(), headers, null);
    }

    @POST
    @Operation(summary = "Write through the gateway (routes in CONTRACT.md)")
    public Uni<Response> post(@PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServerRequest request, byte[] body) {
        return gateway.handle("POST", path, request.query(), headers, body);
    }

    @PUT
    public Uni<Response> put(@PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServerRequest request, byte[] body) {
        return gateway.handle("PUT", path, request.query(), headers, body);
    }

    @DELETE
    public Uni<Response> delete(@PathParam("path") String path, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return gateway.handle("DELETE", path, request.query(), headers, null);
    }
}
