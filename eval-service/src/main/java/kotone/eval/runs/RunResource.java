package kotone.eval.runs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.common.problem.ProblemException;
import kotone.eval.analysis.Comparison;
import kotone.eval.analysis.FailureAnalysis;
import kotone.eval.analysis.FailureReport;
import kotone.eval.analysis.RunComparison;
import kotone.eval.checks.CheckRepository;
import kotone.eval.checks.CheckView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/eval/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final int MAX_LIMIT = 1000;
    private static final String MODES = "rule_baseline|local_model|prompt_baseline|fine_tuned|auto";
    private static final String MODES_MESSAGE = "must be rule_baseline, local_model, prompt_baseline, fine_tuned or auto";

    private final RunService service;
    private final RunRepository runs;
    private final RunHistory history;
    private final SampleRepository samples;
    private final CheckRepository checks;
    private final RunComparison comparison;
    private final FailureAnalysis failures;

    public RunResource(RunService service, RunRepository runs, RunHistory history, SampleRepository samples, CheckRepository checks, RunComparison comparison,
            FailureAnalysis failures) {
        this.service = service;
        this.runs = runs;
        this.history = history;
        this.samples = samples;
        this.checks = checks;
        this.comparison = comparison;
        this.failures = failures;
    }

    public record RunPage(List<EvalRun> items, int limit, int offset) {
    }

    /** @param total the samples the run has */
    public record SamplePage(UUID runId, List<SampleView> items, int limit, int offset, int total) {
    }

    public record CheckPage(UUID runId, List<CheckView> items, int limit, int offset) {
    }

    public record Workers(UUID runId, Map<String, Integer> chunksByInstance) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a run of an eval set in a mode; answers 202 at once, the run proceeds in the background")
    @APIResponse(responseCode = "202", description = "queued; Location names the run", content = @Content(schema = @Schema(implementation = EvalRun.class)))
    public Response start(@Valid @NotNull StartRunRequest request) {
        RunService.Queued queued = service.queue(request);
        return Response.accepted(queued).location(java.net.URI.create("/eval/runs/" + queued.id())).build();
    }

    @GET
    @Operation(summary = "Run history, newest first; filters mode, datasetId, modelVersion, from, to (ISO instants); format=csv for CSV")
    @APIResponse(responseCode = "200", description = "a page of runs (CSV with format=csv)", content = @Content(schema = @Schema(implementation = RunPage.class)))
    public Response list(@QueryParam("mode") @Pattern(regexp = MODES, message = MODES_MESSAGE) String mode, @QueryParam("datasetId") String datasetId,
            @QueryParam("modelVersion") String modelVersion, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit, @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
        List<EvalRun> page = history.list(new RunHistory.Filter(mode, datasetId, modelVersion, instant("from", from), instant("to", to)),
                limit, offset);
        if ("csv".equals(format)) {
            return Response.ok(CsvExport.runs(page), "text/csv").build();
        }
        return Response.ok(new RunPage(page, limit, offset)).build();
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Candidate minus base: metric and per-dimension deltas, items better and worse, bootstrap interval of the MAE delta")
    public Comparison compare(@QueryParam("base") String base, @QueryParam("candidate") String candidate) {
        return comparison.compare(uuid("base", base), uuid("candidate", candidate));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run: its progress, what it waits for, and its metrics once complete")
    public EvalRun get(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/samples")
    @Operation(summary = "A run's samples, each with traceId and traceUrl; sort error_desc (default), error_asc or item; format=csv streams them all")
    @APIResponse(responseCode = "200", description = "a page of samples (CSV of all with format=csv)", content = @Content(schema = @Schema(implementation = SamplePage.class)))
    public Response samples(@PathParam("id") String id, @QueryParam("sort") @DefaultValue("error_desc") String sort,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit, @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
        EvalRun run = find(id);
        SampleRepository.Order order = switch (sort) {
            case "error_desc" -> SampleRepository.Order.ERROR_DESC;
            case "error_asc" -> SampleRepository.Order.ERROR_ASC;
            case "item" -> SampleRepository.Order.ITEM;
            default -> throw ProblemException.badRequest("sort", "must be error_desc, error_asc or item");
        };
        if ("csv".equals(format)) {
            StreamingOutput csv = out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                writer.write(CsvExport.SAMPLE_HEADER);
                samples.download(run.id(), order, row -> {
                    try {
                        writer.write(CsvExport.sample(row));
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.flush();
            };
            return Response.ok(csv, "text/csv").header("Content-Disposition", "attachment; filename=\"samples-" + run.id() + ".csv\"").build();
        }
        List<SampleView> items = samples.page(run.id(), order, limit, offset).stream().map(SampleView::of).toList();
        return Response.ok(new SamplePage(run.id(), items, limit, offset, run.progress().done())).build();
    }

    @GET
    @Path("/{id}/checks")
    @Operation(summary = "A run's behavioural checks: what was expected of each item and what was read; failing=true for the failures only")
    public CheckPage checks(@PathParam("id") String id,
            @QueryParam("failing") @DefaultValue("false") @Pattern(regexp = "true|false", message = "must be true or false") String failing,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_LIMIT) int limit, @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        EvalRun run = find(id);
        return new CheckPage(run.id(), checks.list(run.id(), Boolean.parseBoolean(failing), limit, offset), limit, offset);
    }

    @GET
    @Path("/{id}/workers")
    @Operation(summary = "Which eval instances processed the run's chunks, and how many each")
    public Workers workers(@PathParam("id") String id) {
        EvalRun run = find(id);
        return new Workers(run.id(), runs.chunksByInstance(run.id()));
    }

    @GET
    @Path("/{id}/failures")
    @Operation(summary = "The hard cases: worst samples with their worst dimensions and trace links, focus dimensions and a markdown playbook")
    public FailureReport failures(@PathParam("id") String id, @QueryParam("top") @DefaultValue("20") @Min(1) @Max(500) int top) {
        return failures.analyse(find(id).id(), top);
    }

    private EvalRun find(String id) {
        return runs.find(uuidOrNotFound(id)).orElseThrow(() -> ProblemException.notFound("no run " + id));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant such as 2026-11-25T00:00:00Z");
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a run id");
        }
    }

    private static UUID uuidOrNotFound(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no run " + value);
        }
    }
}
