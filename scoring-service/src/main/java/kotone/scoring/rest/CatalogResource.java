package kotone.scoring.rest;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kotone.core.i18n.Language;
import kotone.scoring.rest.dto.PartDto;
import kotone.scoring.service.CatalogService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The catalog is in memory, so its answers come from the event loop (see {@link ScoreResource}). */
@Path("/catalog/parts")
@NonBlocking
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;

    public CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The catalog's parts, optionally of one slot")
    public List<PartDto> parts(@QueryParam("slot") String slot,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return catalog.parts(slot, Language.fromAcceptLanguage(acceptLanguage));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One part by its id")
    public PartDto part(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return catalog.part(id, Language.fromAcceptLanguage(acceptLanguage));
    }
}
