package kotone.dataset.reservations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/datasets/reserved-texts")
@Produces(MediaType.APPLICATION_JSON)
public class ReservedTextResource {

    private final ReservedTexts reserved;

    public ReservedTextResource(ReservedTexts reserved) {
        this.reserved = reserved;
    }

    /** @param added how many keys were new for the set */
    public record Reserved(String evalSetId, int keys, int added) {
    }

    /** How many texts each eval set reserves. */
    public record Counts(Map<String, Integer> keysByEvalSet) {
    }

    @PUT
    @Path("/{evalSetId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reserve an eval set's texts (the eval service does, when a set is registered): no training row may have one")
    public Reserved reserve(@PathParam("evalSetId") @Pattern(regexp = "es-[0-9a-f]{1,64}", message = "must be an eval set id") String evalSetId,
            @Valid @NotNull ReserveTextsRequest request) {
        return new Reserved(evalSetId, request.textKeys().size(), reserved.reserve(evalSetId, request.textKeys()));
    }

    @GET
    @Operation(summary = "How many texts each registered eval set reserves")
    public Counts counts() {
        return new Counts(reserved.countsBySet());
    }
}
