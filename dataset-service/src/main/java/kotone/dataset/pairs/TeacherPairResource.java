package kotone.dataset.pairs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/datasets/teacher-pairs")
@Produces(MediaType.APPLICATION_JSON)
public class TeacherPairResource {

    private final PairImporter importer;
    private final PairGenerator generator;
    private final PairRepository repository;

    public TeacherPairResource(PairImporter importer, PairGenerator generator, PairRepository repository) {
        this.importer = importer;
        this.generator = generator;
        this.repository = repository;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import teacher pairs as JSON lines (teacher_pairs.v1.jsonl format), streamed; bad lines are reported and skipped")
    @APIResponse(responseCode = "201", description = "what was added, what was a duplicate, which lines were rejected and why", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "no line is a valid teacher pair; nothing was imported", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = kotone.common.problem.Problem.class)))
    public Response importPairs(InputStream body) {
        return Response.status(Response.Status.CREATED).entity(importer.importLines(body)).build();
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add pairs from the catalog teacher (deterministic for a seed) or the LLM teacher")
    @APIResponse(responseCode = "201", description = "what was added and what was already stored", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "no pair could be made; errors names each input", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = kotone.common.problem.Problem.class)))
    public Response generate(@Valid @NotNull GenerateRequest request) {
        return Response.status(Response.Status.CREATED).entity(generator.generate(request)).build();
    }

    @GET
    @Path("/items")
    @Operation(summary = "Stored pairs with provenance and lineage, newest first; optionally of one source")
    public PairPage items(@jakarta.ws.rs.QueryParam("source") String source,
            @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("100") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) int limit,
            @jakarta.ws.rs.QueryParam("offset") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0) int offset) {
        return new PairPage(repository.list(source, limit, offset), limit, offset);
    }

    @GET
    @Operation(summary = "How many pairs are stored, by source")
    public PairCounts counts() {
        Map<String, Long> bySource = repository.countsBySource();
        return new PairCounts(bySource.values().stream().mapToLong(Long::longValue).sum(), bySource);
    }

    public record PairPage(List<StoredPair> items, int limit, int offset) {
    }

    public record PairCounts(long total, Map<String, Long> bySource) {
    }
}
