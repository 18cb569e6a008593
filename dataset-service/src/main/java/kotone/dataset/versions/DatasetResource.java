package kotone.dataset.versions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.common.problem.ProblemException;
import kotone.core.model.train.Split;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private final DatasetBuilder builder;
    private final DatasetRepository repository;
    private final ExportWriter exports;

    public DatasetResource(DatasetBuilder builder, DatasetRepository repository, ExportWriter exports) {
        this.builder = builder;
        this.repository = repository;
        this.exports = exports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Filter the stored pairs and split them (grouped by pair, seeded) into an immutable, content-hashed version")
    @APIResponse(responseCode = "201", description = "a new version", content = @Content(schema = @Schema(implementation = DatasetVersion.class)))
    @APIResponse(responseCode = "200", description = "the same pairs, filter and seed made this version before", content = @Content(schema = @Schema(implementation = DatasetVersion.class)))
    @APIResponse(responseCode = "409", description = "no stored pair passes the filter", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = kotone.common.problem.Problem.class)))
    public Response create(@Valid CreateDatasetRequest request) {
        DatasetBuilder.Built built = builder.build(request == null ? new CreateDatasetRequest(null, null, null, null, null) : request);
        return Response.status(built.created() ? Response.Status.CREATED : Response.Status.OK).entity(built.version()).build();
    }

    @GET
    @Operation(summary = "Dataset versions, newest first")
    public DatasetPage list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return new DatasetPage(repository.list(limit, offset), limit, offset);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A dataset version with its filter report and stats per split")
    public DatasetVersion get(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/rows")
    @Operation(summary = "A version's rows, optionally of one split")
    public RowPage rows(@PathParam("id") String id, @QueryParam("split") String split,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10_000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        find(id);
        List<DatasetRow> rows = new ArrayList<>();
        repository.rows(id, split(split), limit, offset, rows::add);
        return new RowPage(id, rows, limit, offset);
    }

    public record DatasetPage(List<DatasetVersion> items, int limit, int offset) {
    }

    public record RowPage(String datasetId, List<DatasetRow> items, int limit, int offset) {
    }

    @GET
    @Path("/{id}/export")
    @Produces("application/x-ndjson")
    @Operation(summary = "Fine-tune data as JSON lines, streamed: format chat or prompt-completion, scale 100 or 10")
    @APIResponse(responseCode = "200", description = "one JSON object per line", content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "ndjson")))
    public Response export(@PathParam("id") String id, @QueryParam("format") @DefaultValue("chat") String format,
            @QueryParam("scale") @DefaultValue("100") int scale, @QueryParam("split") @DefaultValue("train") String split) {
        ExportFormat exportFormat = ExportFormat.fromKey(format);
        if (scale != 10 && scale != 100) {
            throw ProblemException.badRequest("scale", "must be 10 or 100");
        }
        Split exportSplit = split(split);
        find(id);
        StreamingOutput body = out -> exports.write(id, exportSplit, exportFormat, scale, out);
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-" + split + "-" + format + "-" + scale + ".jsonl\"")
                .build();
    }

    private DatasetVersion find(String id) {
        return repository.summary(id).orElseThrow(() -> ProblemException.notFound("no dataset version " + id));
    }

    private static Split split(String split) {
        if (split == null || split.isBlank()) {
            return null;
        }
        try {
            return Split.fromKey(split);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("split", "must be train, valid or test");
        }
    }
}
