package kotone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.cli.job.Bootstrap;
import kotone.cli.job.CycleJob;
import kotone.cli.job.GatewayApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job as {@code ./kotone bootstrap} and {@code ./kotone cycle} run it, on a small generated dataset
 * against the real services; then the lineage of a new pair is followed back to the failing sample.
 */
class MainJobIT {

    static TestStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = TestStack.create();
        stack.stack.up();
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stack.down();
        }
    }

    /** A second instance of a packaged service beside the stack's, on a free port; returns its port. */
    private static int startSecond(String module, String portVariable, Map<String, String> extra, List<Process> started) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(stack.settings.serviceUrls());
        environment.putAll(extra);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        environment.put(portVariable, Integer.toString(port));
        java.nio.file.Path jar = stack.settings.root().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(stack.settings.stateDir().resolve("second-" + module + ".log").toFile());
        builder.environment().putAll(environment);
        started.add(builder.start());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI ready = java.net.URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                http.send(java.net.http.HttpRequest.newBuilder(ready).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return port;
    }

    @Test
    void aPromotionReachesEveryInterpreterInstance() throws Exception {
        List<Process> started = new ArrayList<>();
        try {
            int second = startSecond("interpreter-service", "KOTONE_INTERPRETER_PORT", Map.of(), started);
            GatewayApi api = GatewayApi.fromEnvFile(stack.settings.envFile());
            api.post("/datasets/teacher-pairs/generate", Map.of("generator", "catalog", "count", 120, "seed", 77), 201);
            String dataset = api.post("/datasets", Map.of("seed", 77), 200, 201).path("id").asText();
            String job = api.post("/training-jobs", Map.of("datasetId", dataset, "methods", List.of("ngram"), "promote", true), 202).path("id").asText();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> "completed".equals(api.get("/training-jobs/" + job).path("status").asText()));
            int version = api.get("/training-jobs/" + job).path("modelVersion").asInt();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI active = java.net.URI.create("http://127.0.0.1:" + second + "/models/active");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    api.get("/models/active").path("version").asInt(-1) == version
                            && api.json().readTree(http.send(java.net.http.HttpRequest.newBuilder(active).build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("version").asInt(-1) == version);
        } finally {
            for (Process process : started) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    @Test
    void twoEvalInstancesShareOneRunAndStoreEverySampleOnce() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(stack.settings.serviceUrls());
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        environment.put("KOTONE_EVAL_PORT", Integer.toString(port));
        String database = System.getenv("KOTONE_E2E_DB_URL");
        environment.put("KOTONE_DB_URL", database != null && !database.isBlank() ? database
                : "jdbc:postgresql://127.0.0.1:" + stack.settings.postgresPort() + "/" + kotone.cli.stack.StackSettings.DATABASE);
        environment.put("KOTONE_DB_USER", stack.settings.databaseUser());
        environment.put("KOTONE_DB_PASSWORD", stack.settings.databasePassword());
        java.nio.file.Path jar = stack.settings.root().resolve("eval-service/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(stack.settings.stateDir().resolve("second-eval.log").toFile());
        builder.environment().putAll(environment);
        Process second = builder.start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI ready = java.net.URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    http.send(java.net.http.HttpRequest.newBuilder(ready).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

            GatewayApi api = GatewayApi.fromEnvFile(stack.settings.envFile());
            String set = api.post("/eval/datasets", Bootstrap.generatedEvalSet(api.json(), 2000), 200, 201).path("id").asText();
            String run = api.post("/eval/runs", Map.of("datasetId", set, "mode", "rule_baseline"), 202).path("id").asText();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                    .until(() -> "completed".equals(api.get("/eval/runs/" + run).path("status").asText()));
            JsonNode completed = api.get("/eval/runs/" + run);
            assertThat(completed.path("progress").path("done").asInt()).isEqualTo(2000);
            assertThat(completed.path("metrics").path("samples").asInt()).isEqualTo(2000);
            JsonNode byInstance = api.get("/eval/runs/" + run + "/workers").path("chunksByInstance");
            assertThat(byInstance.size()).as("instances that processed chunks: " + byInstance).isEqualTo(2);
            int chunks = 0;
            for (JsonNode count : byInstance) {
                chunks += count.asInt();
            }
            assertThat(chunks).isEqualTo(8);
            List<Integer> items = new ArrayList<>();
            for (int offset = 0; offset < 2000; offset += 1000) {
                api.get("/eval/runs/" + run + "/samples?sort=item&limit=1000&offset=" + offset).path("items")
                        .forEach(sample -> items.add(sample.path("itemNo").asInt()));
            }
            assertThat(items).hasSize(2000).doesNotHaveDuplicates();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    @Test
    void bootstrapThenACycleWhoseNewPairsLeadBackToTheFailingSamples() {
        GatewayApi api = GatewayApi.fromEnvFile(stack.settings.envFile());
        Map<String, Object> state = new Bootstrap(api, System.out, stack.settings.stateDir().resolve("bootstrap.json")).run(null, null, 150, 60);
        assertThat(api.get("/models/active").path("version").asInt()).isEqualTo(state.get("modelVersion"));

        new CycleJob(api, System.out).run((String) state.get("evalSetId"), 1, 40);
        JsonNode cycle = api.get("/eval/cycles").path("items").get(0);
        assertThat(cycle.path("status").asText()).isIn("promoted", "rejected");
        JsonNode detail = api.get("/eval/cycles/" + cycle.path("n").asInt());
        assertThat(detail.path("steps")).hasSize(8);
        String failingRun = detail.path("steps").get(0).path("outputs").path("runId").asText();

        JsonNode replayed = api.get("/datasets/teacher-pairs/items?source=replay&limit=100").path("items");
        assertThat(replayed).isNotEmpty();
        JsonNode lineage = replayed.get(0).path("lineage");
        assertThat(lineage.path("runId").asText()).isEqualTo(failingRun);
        assertThat(lineage.path("cycle").asInt()).isEqualTo(cycle.path("n").asInt());
        int itemNo = lineage.path("itemNo").asInt();
        JsonNode worst = api.get("/eval/runs/" + failingRun + "/samples?sort=error_desc&limit=20").path("items");
        List<Integer> worstItems = new ArrayList<>();
        worst.forEach(sample -> worstItems.add(sample.path("itemNo").asInt()));
        assertThat(worstItems).contains(itemNo);
        JsonNode sample = null;
        for (JsonNode candidate : worst) {
            if (candidate.path("itemNo").asInt() == itemNo) {
                sample = candidate;
            }
        }
        assertThat(replayed.get(0).path("requestText").asText()).isEqualTo(sample.path("requestText").asText());
        assertThat(lineage.path("traceId").asText()).isEqualTo(sample.path("traceId").asText());

        JsonNode focused = api.get("/datasets/teacher-pairs/items?source=catalog_teacher&limit=1").path("items").get(0).path("lineage");
        assertThat(focused.path("runId").asText()).isEqualTo(failingRun);
        assertThat(focused.path("sampleItemNos")).isNotEmpty();
    }
}
