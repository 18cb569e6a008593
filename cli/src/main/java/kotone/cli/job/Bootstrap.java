package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kotone.core.behaviour.BehaviouralSuite;
import kotone.core.catalog.Catalog;
import kotone.core.teacher.CatalogEvalSet;

/**
 * {@code ./kotone bootstrap}: teacher pairs in (a file, or generated from the catalog), filtered and split into a
 * dataset version, the local model trained, the target eval set registered (a file, or generated from the catalog in
 * its evaluation phrasing), and the guards registered: the behavioural suite, the dataset's held-out test split and,
 * when given, the original frozen set. The first model is promoted at once; when a champion exists already, the new
 * model is judged by a gate check and promoted only if it passes. The new model's card gets its guard report: the rules,
 * the local model and auto on every guard. What it made is written to
 * {@code .kotone/bootstrap.json} for the commands after it.
 */
public final class Bootstrap {

    public static final int DEFAULT_PAIRS = 600;
    public static final int DEFAULT_EVAL_ITEMS = 200;
    public static final long PAIR_SEED = 42;
    public static final long EVAL_SEED = 4242;

    private final GatewayApi api;
    private final PrintStream out;
    private final Path stateFile;

    public Bootstrap(GatewayApi api, PrintStream out, Path stateFile) {
        this.api = api;
        this.out = out;
        this.stateFile = stateFile;
    }

    public Map<String, Object> run(Path teacherPairs, Path evalSet, int generatedPairs, int generatedEvalItems) {
        ObjectMapper json = api.json();
        if (teacherPairs != null) {
            InputFiles.checkJsonLines(teacherPairs, json);
        }
        if (evalSet != null) {
            InputFiles.checkEvalSet(evalSet, json);
        }
        JsonNode imported = teacherPairs != null
                ? api.postFile("/datasets/teacher-pairs", teacherPairs, "application/x-ndjson", 201)
                : api.post("/datasets/teacher-pairs/generate", Map.of("generator", "catalog", "count", generatedPairs, "seed", PAIR_SEED), 201);
        out.printf("teacher pairs    %d lines: %d new, %d already stored, %d rejected%n", imported.path("lines").asInt(),
                imported.path("imported").asInt(), imported.path("duplicates").asInt(), imported.path("rejected").asInt());

        String source = teacherPairs != null ? "import" : "catalog_teacher";
        JsonNode dataset = api.post("/datasets", Map.of("seed", PAIR_SEED, "sources", List.of(source)), 200, 201);
        String datasetId = dataset.get("id").asText();
        JsonNode report = dataset.path("filterReport");
        out.printf("dataset version  %s: %d rows from %d pairs (%d dropped by the filter, %d reserved by eval sets); train %d, valid %d, test %d%n",
                datasetId, dataset.path("rowCount").asInt(), dataset.path("pairCount").asInt(),
                report.path("considered").asInt() - report.path("kept").asInt(), report.path("droppedByRule").path("reserved_for_eval").asInt(),
                dataset.path("stats").path("train").path("rows").asInt(), dataset.path("stats").path("valid").path("rows").asInt(),
                dataset.path("stats").path("test").path("rows").asInt());
        report.path("consistency").fields().forEachRemaining(audit -> out.printf("consistency      %s: %s%s%n", audit.getKey(),
                audit.getValue().path("verdict").asText(), audit.getValue().path("consistent").asBoolean(true) ? ""
                        : " (flagged: its rows count less in training)"));

        JsonNode champion = api.find("/models/promoted");
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("datasetId", datasetId);
        training.put("promote", champion == null);
        JsonNode job = api.post("/training-jobs", training, 202);
        JsonNode done = waitForTraining(job.get("id").asText());
        int version = done.get("modelVersion").asInt();
        JsonNode model = api.get("/models/" + version);
        out.printf(Locale.ROOT, "local model      v%d (%s); test MAE %.2f (best constant %.2f), trained in %.1f s%n", version,
                model.path("method").asText(), model.path("metrics").path("test").path("vectorMae").asDouble(),
                model.path("metrics").path("test").path("constantBaselineMae").asDouble(), model.path("trainingMs").asLong() / 1000.0);

        JsonNode set = evalSet != null ? api.postFile("/eval/datasets", evalSet, "application/json", 200, 201)
                : api.post("/eval/datasets", generatedEvalSet(json, generatedEvalItems), 200, 201);
        String setId = set.get("id").asText();
        out.printf("eval set         %s: %d items (targets on 0-%d): the target of cycles%n", setId, set.path("count").asInt(),
                set.path("sourceScale").asInt());

        List<String> guards = new ArrayList<>();
        JsonNode suite = api.postBytes("/eval/datasets", BehaviouralSuite.GUARD.bytes(), "application/json", 200, 201);
        guards.add(guard(suite, "the behavioural suite: requests written by the team, in English and Japanese"));
        JsonNode heldOut = api.post("/eval/datasets/from-dataset", Map.of("datasetId", datasetId, "split", "test"), 200, 201);
        guards.add(guard(heldOut, "the held-out test split of the " + source + " teacher pairs of " + datasetId + ", never trained on"));
        if (evalSet != null) {
            guards.add(guard(set, "the original frozen eval set (" + evalSet.getFileName() + ")"));
        }

        GuardReportTable.measureAndPrint(api, out, version);
        int served = champion == null ? version : promoteThroughTheGate(version, champion.path("version").asInt(), setId);
        waitUntilServed(served);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("evalSetId", setId);
        state.put("guards", guards);
        state.put("datasetId", datasetId);
        state.put("modelVersion", served);
        state.put("trainedVersion", version);
        state.put("at", Instant.now().toString());
        try {
            Files.createDirectories(stateFile.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), state);
        } catch (IOException e) {
            throw new JobFailed(stateFile + ": cannot be written (" + e.getMessage() + ")");
        }
        return state;
    }

    private String guard(JsonNode set, String note) {
        String id = set.get("id").asText();
        api.post("/eval/guards", Map.of("datasetId", id, "note", note), 200, 201);
        out.printf("guard            %s: %d items, %s%n", id, set.path("count").asInt(), note);
        return id;
    }

    /** A champion exists: the new model is judged against it, and promoted only through a passed check. */
    private int promoteThroughTheGate(int candidate, int champion, String targetSetId) {
        out.printf("gate check       v%d against the champion v%d on %s and every guard%n", candidate, champion, targetSetId);
        JsonNode check = GateChecks.await(api, out, api.post("/eval/gate-checks", Map.of("candidateVersion", candidate, "datasetId", targetSetId), 202));
        DecisionTable.print(out, check.path("decision"));
        if (!"completed".equals(check.path("status").asText())) {
            throw new JobFailed("the gate check failed: " + check.path("error").asText());
        }
        if (!check.path("promote").asBoolean()) {
            out.printf("kept             v%d: v%d is registered but not promoted (an admin may force it: POST /api/v1/models/%d/promote "
                    + "{\"force\": true, \"reason\": \"...\"})%n", champion, candidate, candidate);
            return champion;
        }
        api.post("/models/" + candidate + "/promote", Map.of("gateCheckId", check.path("id").asText()), 200);
        out.printf("promoted         v%d through gate check %s%n", candidate, check.path("id").asText());
        return candidate;
    }

    private JsonNode waitForTraining(String jobId) {
        Progress progress = new Progress(out, "training");
        while (true) {
            JsonNode job = api.get("/training-jobs/" + jobId);
            String status = job.path("status").asText();
            progress.show(job.path("progress").path("done").asInt(), Math.max(1, job.path("progress").path("total").asInt()),
                    status + " " + job.path("progress").path("phase").asText(""));
            if ("completed".equals(status)) {
                progress.finish("completed");
                return job;
            }
            if ("failed".equals(status)) {
                progress.finish("failed");
                throw new JobFailed("training failed: " + job.path("error").asText());
            }
            sleep(300);
        }
    }

    private void waitUntilServed(int version) {
        for (int i = 0; i < 100; i++) {
            JsonNode active = api.get("/models/active");
            if (active.path("version").asInt(-1) == version) {
                out.printf("interpreter      serves local model v%d%n", version);
                return;
            }
            sleep(200);
        }
        throw new JobFailed("the interpreter did not load model v" + version + " within 20 s (GET /api/v1/models/active)");
    }

    /** An eval set from the catalog teacher's evaluation phrasing with a seed of its own: it shares no text with training pairs. */
    public static JsonNode generatedEvalSet(ObjectMapper json, int count) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator generator = json.getFactory().createGenerator(text)) {
            new CatalogEvalSet(Catalog.standard()).write(generator, "catalog_teacher_eval_seed" + EVAL_SEED, count, EVAL_SEED);
        } catch (IOException e) {
            throw new JobFailed("could not write the generated eval set: " + e.getMessage());
        }
        try {
            return json.readTree(text.toString());
        } catch (IOException e) {
            throw new JobFailed("could not read the generated eval set: " + e.getMessage());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailed("interrupted");
        }
    }
}
