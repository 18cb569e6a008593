package kotone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.cli.job.Bootstrap;
import kotone.cli.job.CycleJob;
import kotone.cli.job.GatewayApi;
import kotone.cli.job.TrafficReplay;
import kotone.core.behaviour.BehaviouralSuite;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPair;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.text.TextKey;
import kotone.core.vector.Dimension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The main job as {@code ./kotone bootstrap} and {@code ./kotone cycle} run it, on a small generated dataset against
 * the real services: the guards and the gate judge every candidate, and a candidate trained on shuffled labels is
 * refused by the guard that fell.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainJobIT {

    static TestStack stack;
    static GatewayApi api;
    static Map<String, Object> bootstrap;

    @BeforeAll
    static void up() throws Exception {
        stack = TestStack.create();
        stack.stack.up();
        api = GatewayApi.fromEnvFile(stack.settings.envFile());
        bootstrap = new Bootstrap(api, System.out, stack.settings.stateDir().resolve("bootstrap.json")).run(null, null, 150, 60);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stack.down();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the cycles test, whose lineage check wants its own cycles' replays
    void theDashboardShowsRunsARunAComparisonACycleAndTheTryItPanelInABrowser() throws Exception {
        // a small set whose first request text is a script: the dashboard must show it as text
        String set = """
                {"dataset_version": "dashboard_e2e", "target_scale": 100, "items": [
                  {"id": "d1", "request_text": "<script>alert('kotone')</script> a calm piano piece for a rainy evening",
                   "target_hidden_params": {"vector": {"energy": 20, "warmth": 60, "brightness": 30, "acousticness": 80, "complexity": 30, "nostalgia": 70}}},
                  {"id": "d2", "request_text": "an upbeat festival song with bright synths",
                   "target_hidden_params": {"vector": {"energy": 85, "warmth": 50, "brightness": 85, "acousticness": 20, "complexity": 50, "nostalgia": 20}}},
                  {"id": "d3", "request_text": "雨の日の喫茶店で流れる、懐かしいジャズ",
                   "target_hidden_params": {"vector": {"energy": 30, "warmth": 70, "brightness": 35, "acousticness": 75, "complexity": 45, "nostalgia": 80}}}]}""";
        String setId = api.postBytes("/eval/datasets", set.getBytes(StandardCharsets.UTF_8), "application/json", 200, 201).path("id").asText();
        String base = completedRun(setId, "rule_baseline");
        String candidate = completedRun(setId, "local_model");
        if (api.get("/eval/cycles?limit=1").path("items").isEmpty()) {
            new CycleJob(api, System.out).run((String) bootstrap.get("evalSetId"), 1, 40);
        }
        int cycle = api.get("/eval/cycles?limit=1").path("items").get(0).path("n").asInt();
        Map<String, String> keys = kotone.cli.stack.AccessKeys.readEnvFile(stack.settings.envFile());

        JsonNode figures = DashboardBrowser.drive(stack.gatewayUrl(), keys.get("KOTONE_ANALYST_KEY"), keys.get("KOTONE_CLIENT_KEY"), base, candidate,
                cycle, java.nio.file.Path.of(System.getProperty("kotone.root.dir", "..")).toAbsolutePath().normalize().resolve("docs/screenshots"));
        System.out.println("dashboard figures: " + figures);
        assertThat(figures.path("firstLoadBytes").asLong()).isPositive();
    }

    private static String completedRun(String setId, String mode) {
        String run = api.post("/eval/runs", Map.of("datasetId", setId, "mode", mode), 202).path("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(api.get("/eval/runs/" + run).path("status").asText()));
        return run;
    }

    private static int train(String datasetId) {
        String job = api.post("/training-jobs", Map.of("datasetId", datasetId, "methods", List.of("ngram")), 202).path("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> "completed".equals(api.get("/training-jobs/" + job).path("status").asText()));
        return api.get("/training-jobs/" + job).path("modelVersion").asInt();
    }

    @Test
    void aPromotionReachesEveryInterpreterInstance() throws Exception {
        try (ExtraInstance secondInterpreter = ExtraInstance.interpreter(stack)) {
            int second = secondInterpreter.port();
            int version = train((String) bootstrap.get("datasetId"));
            // an admin's forced promotion, with its reason: the quickest move of the alias for this test
            api.post("/models/" + version + "/promote", Map.of("force", true, "reason", "e2e: a promotion reaches every instance"), 200);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI active = java.net.URI.create("http://127.0.0.1:" + second + "/models/active");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.get("/models/active").path("version").asInt(-1) == version
                            && api.json().readTree(http.send(java.net.http.HttpRequest.newBuilder(active).build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("version").asInt(-1) == version);
            JsonNode move = api.get("/models/history").path("items").get(0);
            assertThat(move.path("kind").asText()).isEqualTo("forced");
            assertThat(move.path("movedBy").asText()).startsWith("admin:");
            // and back, in one step
            api.post("/models/rollback", Map.of("reason", "e2e: back to the champion"), 200);
            assertThat(api.get("/models/promoted").path("version").asInt()).isNotEqualTo(version);
        }
    }

    @Test
    void twoEvalInstancesShareOneRunAndStoreEverySampleOnce() throws Exception {
        try (ExtraInstance second = ExtraInstance.eval(stack, Map.of())) {
            String set = api.post("/eval/datasets", Bootstrap.generatedEvalSet(api.json(), 2000), 200, 201).path("id").asText();
            String run = api.post("/eval/runs", Map.of("datasetId", set, "mode", "rule_baseline"), 202).path("id").asText();
            Awaitility.await().atMost(Duration.ofSeconds(120))
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
        }
    }

    @Test
    void aCandidateTrainedOnShuffledLabelsIsRefusedByTheGuardThatFell() {
        // catalog pairs whose labels are rotated one place: every text carries another pair's label
        List<TeacherPair> pairs = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults()).generate(150, 991, Instant.EPOCH);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            TeacherPair pair = pairs.get(i);
            int[] label = pairs.get((i + 1) % pairs.size()).label().toArray();
            StringBuilder vector = new StringBuilder();
            for (Dimension dimension : Dimension.ALL) {
                vector.append(vector.isEmpty() ? "" : ",").append('"').append(dimension.key()).append("\":").append(label[dimension.ordinal()]);
            }
            lines.append("{\"id\":\"shuffled-").append(i).append("\",\"request_text\":").append(quote(pair.requestText()))
                    .append(",\"rule_prompt\":").append(quote(pair.rulePrompt())).append(",\"target_hidden_params\":{\"vector\":{").append(vector)
                    .append("}}}\n");
        }
        api.postBytes("/datasets/teacher-pairs", lines.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson", 201);
        String shuffled = api.post("/datasets", Map.of("seed", 991, "sources", List.of("import")), 200, 201).path("id").asText();
        int candidate = train(shuffled);

        JsonNode started = api.post("/eval/gate-checks", Map.of("candidateVersion", candidate, "datasetId", bootstrap.get("evalSetId")), 202);
        String id = started.path("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> List.of("completed", "failed")
                .contains(api.get("/eval/gate-checks/" + id).path("status").asText()));
        JsonNode check = api.get("/eval/gate-checks/" + id);
        assertThat(check.path("status").asText()).isEqualTo("completed");
        assertThat(check.path("promote").asBoolean()).isFalse();
        @SuppressWarnings("unchecked")
        List<String> guards = (List<String>) bootstrap.get("guards");
        String heldOut = guards.get(1);
        JsonNode heldOutResult = null;
        for (JsonNode guard : check.path("decision").path("guards")) {
            if (guard.path("datasetId").asText().equals(heldOut)) {
                heldOutResult = guard;
            }
        }
        assertThat(heldOutResult).as("the held-out guard is judged").isNotNull();
        assertThat(heldOutResult.path("pass").asBoolean()).isFalse();
        assertThat(heldOutResult.path("ci95").get(1).asDouble()).isGreaterThan(heldOutResult.path("margin").asDouble());
        List<String> reasons = new ArrayList<>();
        check.path("decision").path("reasons").forEach(reason -> reasons.add(reason.asText()));
        assertThat(reasons).anyMatch(reason -> reason.startsWith("FAIL guard " + heldOut));
        // the door stays shut: a promotion without a passed check is a conflict naming the failing sets
        assertThat(promoteStatus(candidate)).isEqualTo(409);
    }

    private static int promoteStatus(int version) {
        try {
            api.post("/models/" + version + "/promote", Map.of(), 200);
            return 200;
        } catch (kotone.cli.job.JobFailed e) {
            assertThat(e.getMessage()).contains("answered 409").contains("(guard vector_mae)");
            return 409;
        }
    }

    @Test
    void threeCyclesNeverPromoteAModelWorseOnAGuardAndKeepTheEvidence() {
        String target = (String) bootstrap.get("evalSetId");
        new CycleJob(api, System.out).run(target, 3, 40);
        List<JsonNode> cycles = new ArrayList<>();
        api.get("/eval/cycles?limit=3").path("items").forEach(cycles::add);
        assertThat(cycles).hasSize(3);
        @SuppressWarnings("unchecked")
        List<String> guards = (List<String>) bootstrap.get("guards");
        for (JsonNode summary : cycles) {
            JsonNode cycle = api.get("/eval/cycles/" + summary.path("n").asInt());
            assertThat(cycle.path("status").asText()).as("cycle " + cycle.path("n") + ": " + cycle.path("error")).isIn("promoted", "rejected");
            assertThat(cycle.path("steps")).hasSize(9);
            // the candidate's model card: the rules, its local model and auto on every guard
            JsonNode card = api.get("/models/" + cycle.path("candidateVersion").asInt()).path("guardReport");
            assertThat(card.path("status").asText()).isEqualTo("completed");
            List<String> carded = new ArrayList<>();
            card.path("guards").forEach(row -> {
                carded.add(row.path("datasetId").asText());
                assertThat(row.path("bestSingle").asText()).isIn("rule", "local");
                assertThat(row.path("autoRunId").asText()).isNotBlank();
            });
            assertThat(carded).containsAll(guards);
            JsonNode decision = cycle.path("decision");
            assertThat(decision.path("target").path("datasetId").asText()).isEqualTo(target);
            List<String> judged = new ArrayList<>();
            for (JsonNode guard : decision.path("guards")) {
                judged.add(guard.path("datasetId").asText());
                // the evidence is the two runs themselves: the stored change is what comparing them gives
                JsonNode compared = api.get("/eval/runs/compare?base=" + guard.path("championRunId").asText() + "&candidate="
                        + guard.path("candidateRunId").asText());
                JsonNode interval = "vector_mae".equals(guard.path("metric").asText()) ? compared.path("maeDeltaBootstrap95")
                        : compared.path("passRateDeltaBootstrap95");
                assertThat(interval.path("meanDelta").asDouble()).isCloseTo(guard.path("delta").asDouble(), within(1e-9));
                double worseEnd = "vector_mae".equals(guard.path("metric").asText()) ? guard.path("ci95").get(1).asDouble()
                        : -guard.path("ci95").get(0).asDouble();
                if ("promoted".equals(cycle.path("status").asText())) {
                    assertThat(worseEnd).as("a promoted candidate's worse end on " + guard.path("datasetId").asText())
                            .isLessThanOrEqualTo(guard.path("margin").asDouble());
                }
            }
            assertThat(judged).containsAll(guards);
            JsonNode check = api.get("/eval/gate-checks/" + cycle.path("gateCheckId").asText());
            assertThat(check.path("promote").asBoolean()).isEqualTo("promoted".equals(cycle.path("status").asText()));
            if ("promoted".equals(cycle.path("status").asText())) {
                List<String> restingOn = new ArrayList<>();
                api.get("/models/history").path("items").forEach(move -> restingOn.add(move.path("gateCheckId").asText()));
                assertThat(restingOn).contains(cycle.path("gateCheckId").asText());
            }
        }

        // lineage: a replayed pair leads back to the failing sample of the cycle that replayed it
        JsonNode first = api.get("/eval/cycles/" + cycles.get(cycles.size() - 1).path("n").asInt());
        String failingRun = first.path("steps").get(0).path("outputs").path("runId").asText();
        JsonNode replayed = api.get("/datasets/teacher-pairs/items?source=replay&limit=500").path("items");
        JsonNode pair = null;
        for (JsonNode candidate : replayed) {
            if (candidate.path("lineage").path("runId").asText().equals(failingRun)) {
                pair = candidate;
            }
        }
        assertThat(pair).as("a pair replayed from run " + failingRun).isNotNull();
        int itemNo = pair.path("lineage").path("itemNo").asInt();
        JsonNode sample = null;
        for (JsonNode candidate : api.get("/eval/runs/" + failingRun + "/samples?sort=error_desc&limit=20").path("items")) {
            if (candidate.path("itemNo").asInt() == itemNo) {
                sample = candidate;
            }
        }
        assertThat(sample).isNotNull();
        assertThat(pair.path("requestText").asText()).isEqualTo(sample.path("requestText").asText());
        assertThat(pair.path("lineage").path("traceId").asText()).isEqualTo(sample.path("traceId").asText());

        // the behavioural suite never reached a training row of any dataset version the cycles built
        Set<String> suite = new HashSet<>();
        BehaviouralSuite.GUARD.requestTexts().forEach(text -> suite.add(TextKey.of(text)));
        for (JsonNode summary : cycles) {
            String datasetId = api.get("/eval/cycles/" + summary.path("n").asInt()).path("steps").get(3).path("outputs").path("id").asText();
            for (String split : List.of("train", "valid", "test")) {
                for (JsonNode row : api.get("/datasets/" + datasetId + "/rows?split=" + split + "&limit=10000").path("items")) {
                    assertThat(suite).doesNotContain(TextKey.of(row.path("text").asText()));
                }
            }
        }
    }

    /** The path of issue 18, through the gateway: live requests to a lineage that ends at a promoted model. */
    @Test
    @Order(Integer.MAX_VALUE - 1) // after the cycles test, which counts the last three cycles as its own
    void liveTrafficIsShadowedQueuedLabelledLearnedFromAndTracedBack() {
        String target = (String) bootstrap.get("evalSetId");
        int champion = api.get("/models/promoted").path("version").asInt();
        String trainedOn = api.get("/models/" + champion).path("datasetId").asText();
        // a candidate to shadow: trained on the champion's data, not promoted
        String job = api.post("/training-jobs", Map.of("datasetId", trainedOn, "methods", List.of("ngram"), "promote", false), 202)
                .path("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> "completed".equals(api.get("/training-jobs/" + job).path("status").asText()));
        int candidate = api.get("/training-jobs/" + job).path("modelVersion").asInt();
        api.put("/models/shadow", Map.of("version", candidate), 200);

        // players' requests through the gateway; the interpreter reads the shadowed candidate within its poll interval
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            new TrafficReplay(api, System.out).run(40);
            return api.get("/traffic/shadow/" + candidate).path("evidence").path("requests").asInt() >= 20;
        });
        JsonNode evidence = api.get("/traffic/shadow/" + candidate).path("evidence");
        assertThat(evidence.path("differences")).hasSize(6);
        assertThat(evidence.path("candidateLatencyMs").path("p95").asDouble()).isPositive();
        // the last batch may still be on its way (the interpreter sends every 100 ms)
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/traffic/summary").path("requests").asLong() >= 40);
        assertThat(api.get("/traffic/summary").path("byLanguage").has("ja")).isTrue();

        // the queue, and labels through the API: each becomes a human teacher pair
        JsonNode queue = api.get("/annotations/queue?limit=6").path("items");
        assertThat(queue).hasSize(6);
        Map<Long, String> labelled = new java.util.LinkedHashMap<>();
        for (JsonNode item : queue) {
            JsonNode served = item.path("served");
            Map<String, Integer> vector = new java.util.LinkedHashMap<>();
            for (Dimension dimension : Dimension.ALL) {
                vector.put(dimension.key(), Math.min(100, served.path(dimension.key()).asInt() + 5));
            }
            JsonNode receipt = api.post("/annotations/" + item.path("itemId").asLong() + "/labels", Map.of("vector", vector), 201);
            assertThat(receipt.path("pairId").asLong()).isPositive();
            labelled.put(receipt.path("pairId").asLong(), item.path("traceId").asText());
        }

        // a cycle on them: its dataset version takes the human pairs
        new CycleJob(api, System.out).run(target, 1, 40);
        JsonNode cycle = api.get("/eval/cycles/" + api.get("/eval/cycles?limit=1").path("items").get(0).path("n").asInt());
        assertThat(cycle.path("status").asText()).as(cycle.path("error").asText()).isIn("promoted", "rejected");
        assertThat(cycle.path("decision").path("live").path("candidateVersion").asInt()).isEqualTo(cycle.path("candidateVersion").asInt());
        int trained = cycle.path("candidateVersion").asInt();
        if (!"promoted".equals(cycle.path("status").asText())) {
            // the gate refused it; an admin may still promote it, with a reason, and that is what the lineage starts from here
            api.post("/models/" + trained + "/promote", Map.of("force", true, "reason", "e2e: follow a model back to its live requests"), 200);
        }
        assertThat(api.get("/models/promoted").path("version").asInt()).isEqualTo(trained);

        // lineage: promoted model -> its dataset version -> a row of a human pair -> the annotator's key -> the live request
        String datasetId = api.get("/models/" + trained).path("datasetId").asText();
        Set<Long> pairsInDataset = new HashSet<>();
        for (String split : List.of("train", "valid", "test")) {
            api.get("/datasets/" + datasetId + "/rows?split=" + split + "&limit=10000").path("items")
                    .forEach(row -> pairsInDataset.add(row.path("pairId").asLong()));
        }
        List<Long> humanInDataset = labelled.keySet().stream().filter(pairsInDataset::contains).toList();
        assertThat(humanInDataset).as("human pairs in the promoted model's dataset version").isNotEmpty();
        JsonNode humanPairs = api.get("/datasets/teacher-pairs/items?source=human&limit=500").path("items");
        boolean traced = false;
        for (JsonNode pair : humanPairs) {
            if (pair.path("id").asLong() == humanInDataset.get(0)) {
                assertThat(pair.path("teacherModel").asText()).isNotBlank();
                String trace = pair.path("lineage").path("traceId").asText();
                assertThat(trace).isEqualTo(labelled.get(humanInDataset.get(0)));
                JsonNode live = null;
                for (int offset = 0; live == null; offset += 500) {
                    JsonNode page = api.get("/traffic?limit=500&offset=" + offset).path("items");
                    if (page.isEmpty()) {
                        break;
                    }
                    for (JsonNode request : page) {
                        if (request.path("traceId").asText().equals(trace)) {
                            live = request;
                        }
                    }
                }
                assertThat(live).as("the live request of trace " + trace).isNotNull();
                assertThat(live.path("text").asText()).isEqualTo(pair.path("requestText").asText());
                traced = true;
            }
        }
        assertThat(traced).isTrue();
    }

    private static String quote(String text) {
        try {
            return api.json().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
