package kotone.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.cli.stack.ServiceProcess;
import kotone.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole system as {@code ./kotone up} starts it, driven through the gateway. */
class StackIT {

    static final String SCORE = Fixtures.text(Fixtures.RAINY_EVENING_SCORE);

    static TestStack stack;
    static Map<String, String> env;
    static OtlpCollector collector;

    @BeforeAll
    static void up() throws Exception {
        collector = new OtlpCollector();
        stack = TestStack.create(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()));
        stack.stack.up();
        env = kotone.cli.stack.AccessKeys.readEnvFile(stack.settings.envFile());
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stack.down();
            assertThat(stack.stack.services()).allMatch(service -> service.running().isEmpty());
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void scoresThroughTheGatewayWithTheKeysUpWrote() {
        assertThat(env.get("KOTONE_GATEWAY_URL")).isEqualTo(stack.gatewayUrl());
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", env.get("KOTONE_CLIENT_KEY"))
                .contentType(ContentType.JSON).body(SCORE)
                .when().post("/api/v1/score")
                .then().statusCode(200).body("total", is(88)).body("rank", is("A"));
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", env.get("KOTONE_CLIENT_KEY"))
                .when().get("/api/v1/catalog/parts")
                .then().statusCode(200).body("$", hasSize(45));
    }

    @Test
    void keysAndRolesHoldOnTheRealStack() {
        given().baseUri(stack.gatewayUrl()).contentType(ContentType.JSON).body(SCORE)
                .when().post("/api/v1/score").then().statusCode(401);
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", env.get("KOTONE_CLIENT_KEY"))
                .when().get("/api/v1/eval/runs").then().statusCode(403);
    }

    @Test
    void theGatewayServesOneDocumentOfEveryServiceWithTheRoleEachOperationNeeds() {
        io.restassured.path.json.JsonPath document = given().baseUri(stack.gatewayUrl()).when().get("/openapi").then().statusCode(200)
                .body("info.x-kotone-missing", org.hamcrest.Matchers.nullValue())
                .body("paths.'/api/v1/interpret'.post.x-kotone-role", is("client"))
                .body("paths.'/api/v1/eval/runs'.post.x-kotone-role", is("admin"))
                .body("paths.'/api/v1/eval/runs'.post.responses.'202'.content.'application/json'.schema.$ref", is("#/components/schemas/eval.EvalRun"))
                .body("paths.'/api/v1/datasets/teacher-pairs/items'.get.x-kotone-role", is("analyst"))
                .body("components.schemas", org.hamcrest.Matchers.hasKey("dataset.DatasetVersion"))
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> operations = new java.util.ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            operations.add(method + " " + path);
            assertThat(operation).as(method + " " + path).containsKeys("x-kotone-role", "responses");
            assertThat(String.valueOf(operation.get("responses"))).as(method + " " + path).contains("application/problem+json");
        }));
        assertThat(operations).hasSizeGreaterThan(40).allMatch(operation -> operation.contains(" /api/v1/"));
    }

    @Test
    void everyServiceIsReadyAndASecondUpChangesNothing() {
        assertThat(stack.stack.status()).isTrue();
        Map<Long, String> pids = new HashMap<>();
        stack.stack.services().forEach(service -> pids.put(service.pid().orElseThrow(), service.service().name()));
        stack.stack.up();
        stack.stack.services().forEach(service -> assertThat(pids).containsKey(service.pid().orElseThrow()));
    }

    @Test
    void aCrashedServiceShowsAndTheGatewayNamesIt() {
        ServiceProcess interpreter = stack.stack.services().stream()
                .filter(service -> service.service().name().equals("interpreter")).findFirst().orElseThrow();
        ProcessHandle process = interpreter.running().orElseThrow();
        process.destroyForcibly();
        process.onExit().join();

        assertThat(interpreter.crashed()).isTrue();
        assertThat(stack.stack.status()).isFalse();
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", env.get("KOTONE_CLIENT_KEY"))
                .contentType(ContentType.JSON).body("{\"requestText\": \"a quiet evening after rain\"}")
                .when().post("/api/v1/interpret")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("interpreter-service"));

        stack.stack.up();
        assertThat(interpreter.running()).isPresent();
        assertThat(stack.stack.status()).isTrue();
    }

    @Test
    void aModelTrainedThroughTheGatewayIsServedByTheInterpreter() {
        String admin = env.get("KOTONE_ADMIN_KEY");
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).contentType(ContentType.JSON)
                .body("{\"generator\":\"catalog\",\"count\":200,\"seed\":3}")
                .when().post("/api/v1/datasets/teacher-pairs/generate").then().statusCode(201);
        String dataset = given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).contentType(ContentType.JSON).body("{\"seed\":3}")
                .when().post("/api/v1/datasets").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        String job = given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).contentType(ContentType.JSON)
                .body("{\"datasetId\":\"" + dataset + "\",\"methods\":[\"ngram\"]}")
                .when().post("/api/v1/training-jobs").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "completed".equals(
                given().baseUri(stack.gatewayUrl()).header("X-API-Key", env.get("KOTONE_ANALYST_KEY"))
                        .when().get("/api/v1/training-jobs/" + job).then().statusCode(200).extract().path("status")));
        int version = given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).when().get("/api/v1/training-jobs/" + job).then()
                .extract().path("modelVersion");
        // the database may hold a champion from another test already, so this promotion is an admin's, with a reason
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).contentType(ContentType.JSON)
                .body("{\"force\":true,\"reason\":\"e2e: a model trained through the gateway\"}")
                .when().post("/api/v1/models/" + version + "/promote").then().statusCode(200).body("model.promoted", is(true));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given().baseUri(stack.gatewayUrl())
                .header("X-API-Key", env.get("KOTONE_ANALYST_KEY")).when().get("/api/v1/models/active").then().statusCode(200)
                .extract().path("version") != null);
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", env.get("KOTONE_CLIENT_KEY")).contentType(ContentType.JSON)
                .body("{\"requestText\": \"Could you write calm, warm and nostalgic music for a quiet library?\", \"mode\": \"local\"}")
                .when().post("/api/v1/interpret")
                .then().statusCode(200).body("meta.modelSource", is("local_model"))
                .body("recommended.style", hasSize(3)).body("meta.traceId", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void aRuleBaselineRunOfTheFrozenSetKeepsTheTraceIdsTheInterpreterSaw() throws Exception {
        byte[] frozen = Files.readAllBytes(java.nio.file.Path.of(System.getProperty("kotone.shared.dir"), "data", "frozen_eval_set.v1.json"));
        String admin = env.get("KOTONE_ADMIN_KEY");
        String analyst = env.get("KOTONE_ANALYST_KEY");
        String set = given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).contentType(ContentType.JSON).body(frozen)
                .when().post("/api/v1/eval/datasets").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("count", is(70))
                .extract().path("id");
        String run = given().baseUri(stack.gatewayUrl()).header("X-API-Key", admin).contentType(ContentType.JSON)
                .body("{\"datasetId\":\"" + set + "\",\"mode\":\"rule_baseline\"}")
                .when().post("/api/v1/eval/runs").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "completed".equals(
                given().baseUri(stack.gatewayUrl()).header("X-API-Key", analyst).when().get("/api/v1/eval/runs/" + run)
                        .then().statusCode(200).extract().path("status")));
        io.restassured.path.json.JsonPath samples = given().baseUri(stack.gatewayUrl()).header("X-API-Key", analyst)
                .when().get("/api/v1/eval/runs/" + run + "/samples?limit=100").then().statusCode(200).extract().jsonPath();
        java.util.List<Map<String, Object>> items = samples.getList("items");
        assertThat(items).hasSize(70);
        for (Map<String, Object> item : items) {
            assertThat(item.get("status")).isEqualTo("ok");
            assertThat((String) item.get("traceId")).matches("[0-9a-f]{32}").isEqualTo(item.get("interpreterTraceId"));
            assertThat((String) item.get("traceUrl")).contains((String) item.get("traceId"));
            assertThat(item.get("intentScore")).isNotNull();
        }
        given().baseUri(stack.gatewayUrl()).header("X-API-Key", analyst).when().get("/api/v1/eval/runs/" + run)
                .then().body("metrics.json_valid_rate", is(1.0f)).body("metrics.vector_mae", org.hamcrest.Matchers.lessThan(30f));
        // each sample's link opens its own path: 70 traces, each with the eval's sample span and the interpreter's reading of
        // it (items go to the interpreter in batches, each with its own traceparent); the spans left the services over OTLP
        java.util.List<String> traceIds = items.stream().map(item -> (String) item.get("traceId")).toList();
        assertThat(traceIds).doesNotHaveDuplicates();
        for (String traceId : traceIds.subList(0, 3)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> collector.exported("kotone-eval-service", traceId)
                    && collector.exported("kotone-interpreter-service", traceId));
        }
    }
}
