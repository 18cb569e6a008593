package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.teacher.CatalogEvalSet;

/**
 * {@code ./kotone bootstrap}: teacher pairs in (a file, or generated from the catalog), filtered and split into a
 * dataset version, the local model trained and promoted, an eval set registered (a file, or generated from the
 * catalog with another seed). What it made is written to {@code .kotone/bootstrap.json} for the commands after it.
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

        JsonNode dataset = api.post("/datasets", Map.of("seed", PAIR_SEED, "sources", List.of(teacherPairs != null ? "import" : "catalog_teacher")),
                200, 201);
        String datasetId = dataset.get("id").asText();
        out.printf("dataset version  %s: %d rows from %d pairs (%d dropped by the filter); train %d, valid %d, test %d%n", datasetId,
                dataset.path("rowCount").asInt(), dataset.path("pairCount").asInt(),
                dataset.path("filterReport").path("considered").asInt() - dataset.path("filterReport").path("kept").asInt(),
                dataset.path("stats").path("train").path("rows").asInt(), dataset.path("stats").path("valid").path("rows").asInt(),
                dataset.path("stats").path("test").path("rows").asInt());

        JsonNode job = api.post("/training-jobs", Map.of("datasetId", datasetId, "promote", true), 202);
        JsonNode done = waitForTraining(job.get("id").asText());
        int version = done.get("modelVersion").asInt();
        JsonNode model = api.get("/models/" + version);
        out.printf(Locale.ROOT, "local model      v%d (%s) promoted; test MAE %.2f (best constant %.2f), trained in %.1f s%n", version,
                model.path("method").asText(), model.path("metrics").path("test").path("vectorMae").asDouble(),
                model.path("metrics").path("test").path("constantBaselineMae").asDouble(), model.path("trainingMs").asLong() / 1000.0);

        JsonNode set = evalSet != null ? api.postFile("/eval/datasets", evalSet, "application/json", 200, 201)
                : api.post("/eval/datasets", generatedEvalSet(json, generatedEvalItems), 200, 201);
        String setId = set.get("id").asText();
        out.printf("eval set         %s: %d items (targets on 0-%d)%n", setId, set.path("count").asInt(), set.path("sourceScale").asInt());

        waitUntilServed(version);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("evalSetId", setId);
        state.put("datasetId", datasetId);
        state.put("modelVersion", version);
        state.put("at", Instant.now().toString());
        try {
            Files.createDirectories(stateFile.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), state);
        } catch (IOException e) {
            throw new JobFailed(stateFile + ": cannot be written (" + e.getMessage() + ")");
        }
        return state;
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

    /** An eval set from the catalog teacher with a seed of its own, so it shares no pair with the training data. */
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
