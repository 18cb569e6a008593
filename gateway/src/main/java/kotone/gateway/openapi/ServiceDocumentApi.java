package kotone.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A service's own OpenAPI document, as SmallRye publishes it. */
@Path("/q/openapi")
public interface ServiceDocumentApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode document(@QueryParam("format") String format);
}
