package kotone.eval.runs;

import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.common.problem.FieldError;
import kotone.common.tracing.Traceparent;
import kotone.common.problem.ProblemException;
import kotone.eval.analysis.FailureAnalysis;
import kotone.eval.checks.CheckRepository;
import kotone.eval.analysis.RunComparison;
import kotone.eval.config.EvalConfig;
import kotone.eval.sets.EvalSet;
import kotone.eval.sets.EvalSetRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/eval/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private static final int MAX_LIMIT = 1000;

    private final RunRepository runs;
    private final SampleRepository samples;
    private final CheckRepository checks;
    private final EvalSetRepository sets;
    private final RunWorker worker;
    private final RunComparison comparison;
    private final FailureAnalysis failures;
    private final EvalConfig config;

    public RunResource(RunRepository runs, SampleRepository samples, CheckRepository checks, EvalSetRepository sets, RunWorker worker,
            RunComparison comparison, FailureAnalysis failures, EvalConfig config) {
        this.runs = runs;
        this.samples = samples;
        this.checks = checks;
        this.sets = sets;
        this.worker = worker;
        this.comparison = comparison;
        this.failures = failures;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a run of an eval set in a mode; answers 202 at once, the run proceeds in the background")
    public Response start(@Valid @NotNull StartRunRequest request) {
        EvalSet set = sets.find(request.datasetId()).orElseThrow(() -> new ProblemException(kotone.common.problem.Problem.of(404, "Not Found",
                "no eval set " + request.datasetId(), List.of(new FieldError("datasetId", "unknown eval set")))));
        UUID id = UUID.randomUUID();
        runs.insert(id, set.id(), request.mode(), set.count(), request.modelVersion(), config.priceTable().version(), config.pageSize(),
                Traceparent.current());
        worker.nudge();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", "queued");
        body.put("datasetId", set.id());
        body.put("mode", request.mode());
        return Response.accepted(body).location(java.net.URI.create("/eval/runs/" + id)).build();
    }

    @GET
    @Operation(summary = "Run history, newest first; filters mode, datasetId, modelVersion, from, to (ISO instants); format=csv for CSV")
    public Response list(@QueryParam("mode") String mode, @QueryParam("datasetId") String datasetId,
            @QueryParam("modelVersion") String modelVersion, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("format") @DefaultValue("json") String format) {
        checkPaging(limit, offset);
        if (mode != null && EvalMode.fromKey(mode).isEmpty()) {
            throw ProblemException.badRequest("mode", "must be rule_baseline, local_model, prompt_baseline, fine_tuned or auto");
        }
        List<EvalRun> page = runs.list(new RunRepository.Filter(mode, datasetId, modelVersion, instant("from", from), instant("to", to)),
                limit, offset);
        if ("csv".equals(format)) {
            return Response.ok(CsvExport.runs(page), "text/csv").build();
        }
        return Response.ok(Map.of("items", page, "limit", limit, "offset", offset)).build();
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Candidate minus base: metric and per-dimension deltas, items better and worse, bootstrap interval of the MAE delta")
    public Map<String, Object> compare(@QueryParam("base") String base, @QueryParam("candidate") String candidate) {
        return comparison.compare(uuid("base", base), uuid("candidate", candidate));
    }

    @GET
    @Path("/{id}")
    public EvalRun get(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/samples")
    @Operation(summary = "A run's samples, each with traceId and traceUrl; sort error_desc (default), error_asc or item; format=csv streams them all")
    public Response samples(@PathParam("id") String id, @QueryParam("sort") @DefaultValue("error_desc") String sort,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("format") @DefaultValue("json") String format) {
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
                samples.stream(run.id(), order, Integer.MAX_VALUE, 0, row -> {
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
        checkPaging(limit, offset);
        List<Map<String, Object>> items = samples.page(run.id(), order, limit, offset).stream().map(SampleView::of).toList();
        return Response.ok(Map.of("runId", run.id(), "items", items, "limit", limit, "offset", offset, "total", run.progress().done())).build();
    }

    @GET
    @Path("/{id}/checks")
    @Operation(summary = "A run's behavioural checks: what was expected of each item and what was read; failing=true for the failures only")
    public Map<String, Object> checks(@PathParam("id") String id, @QueryParam("failing") @DefaultValue("false") boolean failing,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        checkPaging(limit, offset);
        EvalRun run = find(id);
        return Map.of("runId", run.id(), "items", checks.list(run.id(), failing, limit, offset), "limit", limit, "offset", offset);
    }

    @GET
    @Path("/{id}/workers")
    @Operation(summary = "Which eval instances processed the run's chunks, and how many each")
    public Map<String, Object> workers(@PathParam("id") String id) {
        EvalRun run = find(id);
        return Map.of("runId", run.id(), "chunksByInstance", runs.chunksByInstance(run.id()));
    }

    @GET
    @Path("/{id}/failures")
    @Operation(summary = "The hard cases: worst samples with their worst dimensions and trace links, focus dimensions and a markdown playbook")
    public Map<String, Object> failures(@PathParam("id") String id, @QueryParam("top") @DefaultValue("20") int top) {
        if (top < 1 || top > 500) {
            throw ProblemException.badRequest("top", "must be 1-500");
        }
        return failures.analyse(find(id).id(), top);
    }

    private EvalRun find(String id) {
        return runs.find(uuidOrNotFound(id)).orElseThrow(() -> ProblemException.notFound("no run " + id));
    }

    private static void checkPaging(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be 1-" + MAX_LIMIT);
        }
        if (offset < 0) {
            throw ProblemException.badRequest("offset", "must be 0 or more");
        }
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
