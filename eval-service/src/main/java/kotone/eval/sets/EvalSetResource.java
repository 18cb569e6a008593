package kotone.eval.sets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/eval/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class EvalSetResource {

    private final EvalSetService service;
    private final EvalSetRepository repository;

    public EvalSetResource(EvalSetService service, EvalSetRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an eval set in the frozen_eval_set.v1 format (0-10 or 0-100 targets; items may carry expectations)")
    @APIResponse(responseCode = "201", description = "a new eval set", content = @Content(schema = @Schema(implementation = EvalSet.class)))
    @APIResponse(responseCode = "200", description = "the same items were registered before", content = @Content(schema = @Schema(implementation = EvalSet.class)))
    @APIResponse(responseCode = "422", description = "no item is valid; errors names each", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = kotone.common.problem.Problem.class)))
    public Response register(InputStream body) throws IOException {
        return registered(service.register(body));
    }

    @POST
    @Path("/from-dataset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a dataset version's split as an eval set (its texts are reserved: no later dataset version trains on them)")
    @APIResponse(responseCode = "201", description = "a new eval set", content = @Content(schema = @Schema(implementation = EvalSet.class)))
    @APIResponse(responseCode = "200", description = "this split was registered before", content = @Content(schema = @Schema(implementation = EvalSet.class)))
    public Response fromDataset(@Valid @NotNull FromDatasetRequest request) {
        return registered(service.fromDataset(request));
    }

    private static Response registered(EvalSetService.Registered registered) {
        return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK).entity(registered.set()).build();
    }

    @GET
    @Operation(summary = "Registered eval sets, newest first")
    public EvalSetPage list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new EvalSetPage(repository.list(limit, offset), limit, offset);
    }

    public record EvalSetPage(List<EvalSet> items, int limit, int offset) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An eval set with its items")
    public EvalSet get(@PathParam("id") String id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("no eval set " + id));
    }
}
