package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one door to promotion: the first model, then only through a passed gate check; forced with a reason; rolled back. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PromotionTest {

    private static final String ADMIN = "admin:0123456789ab";

    @Inject
    AgroalDataSource dataSource;

    private int first;
    private int second;
    private int third;

    @BeforeEach
    void threeVersions() throws Exception {
        DatasetTables.clear(dataSource);
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":80,\"seed\":5}").post("/datasets/teacher-pairs/generate")
                .then().statusCode(201);
        String datasetId = given().contentType("application/json").body("{\"seed\":5}").post("/datasets").then().extract().path("id");
        first = train(datasetId, true);
        second = train(datasetId, false);
        third = train(datasetId, false);
    }

    private int train(String datasetId, boolean promote) {
        String jobId = given().contentType("application/json").header("X-Kotone-Caller", ADMIN)
                .body("{\"datasetId\":\"" + datasetId + "\",\"methods\":[\"ngram\"],\"promote\":" + promote + "}")
                .post("/training-jobs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(given().get("/training-jobs/" + jobId).then().extract().path("status")));
        return given().get("/training-jobs/" + jobId).then().extract().path("modelVersion");
    }

    private String record(int version, Integer champion, boolean passed, String... failing) {
        String id = UUID.randomUUID().toString();
        given().contentType("application/json").body("{\"checkId\":\"" + id + "\",\"championVersion\":" + champion + ",\"targetSetId\":\"es-t\","
                        + "\"passed\":" + passed + ",\"failingSets\":[" + (failing.length == 0 ? "" : "\"" + String.join("\",\"", failing) + "\"")
                        + "],\"decidedAt\":\"2026-12-03T10:00:00Z\"}")
                .post("/models/" + version + "/gate-checks").then().statusCode(201).body("passed", is(passed));
        return id;
    }

    private JsonPath promote(int version, String body, int status) {
        return given().contentType("application/json").header("X-Kotone-Caller", ADMIN).body(body).post("/models/" + version + "/promote").then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void theFirstModelNeedsNoCheckAndLaterOnesOnlyAPassedCheckAgainstTheCurrentChampion() {
        given().get("/models/promoted").then().statusCode(200).body("version", is(first));
        given().get("/models/history").then().body("items[0].kind", is("first")).body("items[0].version", is(first))
                .body("items[0].movedBy", is(ADMIN));

        // no check at all
        given().post("/models/" + second + "/promote").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("POST /api/v1/eval/gate-checks"));
        // a refused check names the failing sets
        record(second, first, false, "es-suite (guard expectation_pass_rate)");
        given().post("/models/" + second + "/promote").then().statusCode(409).body("detail", containsString("es-suite (guard expectation_pass_rate)"));
        // a passed check against another champion is stale
        record(second, third, true);
        given().post("/models/" + second + "/promote").then().statusCode(409).body("detail", containsString("run a new gate check"));
        // a passed check against the current champion opens the door
        String passed = record(second, first, true);
        JsonPath moved = promote(second, "{\"gateCheckId\":\"" + passed + "\"}", 200);
        assertThat(moved.getInt("model.version")).isEqualTo(second);
        assertThat(moved.getString("move.kind")).isEqualTo("promote");
        assertThat(moved.getString("move.gateCheckId")).isEqualTo(passed);
        assertThat(moved.getInt("move.previousVersion")).isEqualTo(first);
        given().get("/models/promoted").then().body("version", is(second));
        given().get("/models/" + second + "/gate-checks").then().statusCode(200).body("items.size()", is(3));
    }

    @Test
    void aForcedPromotionNeedsAReasonAndIsKept() {
        given().contentType("application/json").body("{\"force\":true}").post("/models/" + third + "/promote").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        JsonPath forced = promote(third, "{\"force\":true,\"reason\":\"hotfix for the festival event\"}", 200);
        assertThat(forced.getString("move.kind")).isEqualTo("forced");
        given().get("/models/history").then().body("items[0].reason", is("hotfix for the festival event")).body("items[0].movedBy", is(ADMIN));
    }

    @Test
    void aRollbackReturnsToThePreviousChampionAndKeepsGoingBack() {
        promote(second, "{\"force\":true,\"reason\":\"step one\"}", 200);
        promote(third, "{\"force\":true,\"reason\":\"step two\"}", 200);
        given().header("X-Kotone-Caller", ADMIN).post("/models/rollback").then().statusCode(200).body("model.version", is(second))
                .body("move.kind", is("rollback")).body("move.previousVersion", is(third));
        given().contentType("application/json").body("{\"reason\":\"still bad\"}").post("/models/rollback").then().statusCode(200)
                .body("model.version", is(first)).body("move.reason", is("still bad"));
        given().post("/models/rollback").then().statusCode(409).contentType("application/problem+json");
        given().get("/models/promoted").then().body("version", is(first));
    }

    @Test
    void aTrainingJobPromotesOnlyTheFirstModel() {
        String datasetId = given().get("/models/" + first).then().extract().path("datasetId");
        given().contentType("application/json").body("{\"datasetId\":\"" + datasetId + "\",\"promote\":true}").post("/training-jobs").then()
                .statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("promote"));
    }

    @Test
    void badPromotionsAreNamed() {
        given().contentType("application/json").body("{\"gateCheckId\":\"" + UUID.randomUUID() + "\"}").post("/models/" + second + "/promote")
                .then().statusCode(422).body("errors.field", hasItem("gateCheckId"));
        given().contentType("application/json").body("{\"checkId\":\"" + UUID.randomUUID() + "\",\"passed\":true}").post("/models/" + second
                + "/gate-checks").then().statusCode(400).contentType("application/problem+json");
        given().post("/models/999999/promote").then().statusCode(404);
        given().post("/models/" + first + "/promote").then().statusCode(409).body("detail", containsString("already"));
        given().get("/models/history").then().body("items.size()", is(1));
    }

    @Test
    void theGuardReportIsKeptOnTheModelCardAndABadOneChangesNothing() {
        given().get("/models/" + second).then().statusCode(200).body("guardReport", org.hamcrest.Matchers.nullValue());
        String report = "{\"status\":\"completed\",\"at\":\"2026-12-03T10:00:00Z\",\"guards\":[{\"datasetId\":\"es-g\","
                + "\"metric\":\"vector_mae\",\"rule\":14.1,\"local\":3.77,\"auto\":3.78,\"bestSingle\":\"local\",\"autoVsBest\":0.01,"
                + "\"ciLow\":-0.05,\"ciHigh\":0.06,\"autoNoWorse\":true,\"ruleRunId\":\"r\",\"localRunId\":\"l\",\"autoRunId\":\"a\"}]}";
        given().contentType("application/json").body(report).put("/models/" + second + "/guard-report").then().statusCode(200)
                .body("guardReport.status", is("completed")).body("guardReport.guards[0].bestSingle", is("local"));
        given().get("/models/" + second).then().statusCode(200).body("guardReport.guards[0].auto", is(3.78f))
                .body("guardReport.guards[0].autoNoWorse", is(true));

        given().contentType("application/json").body("{\"status\":\"done\",\"at\":\"2026-12-03T10:00:00Z\"}").put("/models/" + second
                + "/guard-report").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"status\":\"running\",\"guards\":[{\"metric\":\"vector_mae\"}],"
                + "\"at\":\"2026-12-03T10:00:00Z\"}").put("/models/" + second + "/guard-report").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("guards[0]")));
        given().get("/models/" + second).then().body("guardReport.status", is("completed"));
        given().contentType("application/json").body(report).put("/models/999/guard-report").then().statusCode(404);
    }
}
