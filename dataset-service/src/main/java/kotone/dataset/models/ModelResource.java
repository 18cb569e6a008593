package kotone.dataset.models;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelRepository repository;
    private final Promotions promotions;
    private final AliasHistory history;

    public ModelResource(ModelRepository repository, Promotions promotions, AliasHistory history) {
        this.repository = repository;
        this.promotions = promotions;
        this.history = history;
    }

    /** Moves of the promoted version, newest first. */
    public record History(List<AliasMove> items, int limit, int offset) {
    }

    /** A version's gate checks, newest first. */
    public record GateChecks(int version, List<GateCheckRecord> items) {
    }

    /** @param promoted the promoted version, or null before any promotion */
    public record ModelPage(List<ModelVersion> items, Integer promoted, int limit, int offset) {
    }

    @GET
    @Operation(summary = "The model registry, newest first, and which version is promoted")
    public ModelPage list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new ModelPage(repository.list(limit, offset), repository.promoted().map(ModelVersion::version).orElse(null), limit, offset);
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
    @Operation(summary = "A model version with its card")
    public ModelVersion get(@PathParam("version") String version) {
        return find(parse(version));
    }

    @GET
    @Path("/{version}/weights")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The model in kotone's binary format (see kotone.core.model.ModelCodec)")
    @APIResponse(responseCode = "200", description = "the weights", content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response weights(@PathParam("version") String version) {
        ModelVersion model = find(parse(version));
        byte[] weights = repository.weights(model.version()).orElseThrow();
        return Response.ok(weights, MediaType.APPLICATION_OCTET_STREAM).header("X-Weights-Sha256", model.weightsSha256()).build();
    }

    @POST
    @Path("/{version}/promote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make this version the one the interpreter serves, through a passed gate check against the champion "
            + "(409 naming the failing sets otherwise); the first model needs none; an admin may force it with a reason")
    public Promotion promote(@PathParam("version") String version, @Valid PromoteRequest request, @HeaderParam(Caller.HEADER) String caller) {
        return promotions.promote(parse(version), request == null ? PromoteRequest.none() : request, Caller.of(caller));
    }

    @POST
    @Path("/{version}/promote")
    @Operation(summary = "The same without a body: through the newest gate check of this version")
    public Promotion promoteWithoutBody(@PathParam("version") String version, @HeaderParam(Caller.HEADER) String caller) {
        return promotions.promote(parse(version), PromoteRequest.none(), Caller.of(caller));
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return to the previous champion in one step")
    public Promotion rollback(@Valid RollbackRequest request, @HeaderParam(Caller.HEADER) String caller) {
        return promotions.rollback(request, Caller.of(caller));
    }

    @POST
    @Path("/rollback")
    @Operation(summary = "The same without a body")
    public Promotion rollbackWithoutBody(@HeaderParam(Caller.HEADER) String caller) {
        return promotions.rollback(null, Caller.of(caller));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every move of the promoted version, newest first: version, when, who, why, the gate check it rests on")
    public History history(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new History(history.moves(limit, offset), limit, offset);
    }

    @POST
    @Path("/{version}/gate-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a gate check of this version (the eval service does, when a check is decided)")
    @APIResponse(responseCode = "201", description = "the recorded check", content = @Content(schema = @Schema(implementation = GateCheckRecord.class)))
    public Response recordGateCheck(@PathParam("version") String version, @Valid @NotNull RecordGateCheckRequest request) {
        int number = find(parse(version)).version();
        history.record(number, request);
        return Response.status(Response.Status.CREATED).entity(history.check(request.checkId()).orElseThrow()).build();
    }

    @PUT
    @Path("/{version}/guard-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the version's guard report: every guard in the rule, local and auto modes (the eval service does)")
    public ModelVersion recordGuardReport(@PathParam("version") String version, @Valid @NotNull GuardReport report) {
        int number = parse(version);
        if (!repository.recordGuardReport(number, report)) {
            throw ProblemException.notFound("no model version " + number);
        }
        return find(number);
    }

    @GET
    @Path("/{version}/gate-checks")
    @Operation(summary = "The gate checks that judged this version, newest first")
    public GateChecks gateChecks(@PathParam("version") String version) {
        int number = find(parse(version)).version();
        return new GateChecks(number, history.checks(number));
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
