package kotone.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One OpenAPI document for everything under /api/v1, shown by the gateway's Swagger UI. Needs no key. */
@Path("/openapi")
public class OpenApiResource {

    private final MergedOpenApi merged;

    public OpenApiResource(MergedOpenApi merged) {
        this.merged = merged;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The services' operations as the gateway serves them, with the role each needs")
    public ObjectNode document() {
        return merged.document();
    }
}
