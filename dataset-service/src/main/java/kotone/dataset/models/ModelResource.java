package kotone.dataset.models;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelRepository repository;

    public ModelResource(ModelRepository repository) {
        this.repository = repository;
    }

    @GET
    @Operation(summary = "The model registry, newest first")
    public Map<String, Object> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return Map.of("items", repository.list(limit, offset), "promoted",
                repository.promoted().map(model -> (Object) model.version()).orElse("none"));
    }

    @GET
    @Path("/promoted")
    @Operation(summary = "The promoted model version; 404 before any is promoted")
    public ModelVersion promoted() {
        return repository.promoted().orElseThrow(() -> ProblemException.notFound(
                "no model is promoted yet: train one (POST /training-jobs) and promote it (POST /models/{version}/promote)"));
    }

    @GET
    @Path("/{version}")
    public ModelVersion get(@PathParam("version") String version) {
        return find(parse(version));
    }

    @GET
    @Path("/{version}/weights")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The model in kotone's binary format (see kotone.core.model.ModelCodec)")
    public Response weights(@PathParam("version") String version) {
        ModelVersion model = find(parse(version));
        byte[] weights = repository.weights(model.version()).orElseThrow();
        return Response.ok(weights, MediaType.APPLICATION_OCTET_STREAM).header("X-Weights-Sha256", model.weightsSha256()).build();
    }

    @POST
    @Path("/{version}/promote")
    @Operation(summary = "Make this version the one the interpreter serves (exactly one is promoted)")
    public ModelVersion promote(@PathParam("version") String version) {
        int number = parse(version);
        if (!repository.promote(number)) {
            throw ProblemException.notFound("no model version " + version);
        }
        return find(number);
    }

    private ModelVersion find(int version) {
        return repository.find(version).orElseThrow(() -> ProblemException.notFound("no model version " + version));
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version.startsWith("v") ? version.substring(1) : version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no model version " + version);
        }
    }
}
