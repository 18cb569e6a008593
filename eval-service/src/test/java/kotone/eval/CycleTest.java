package kotone.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The improvement cycle against the other services at their REST contracts, with a gate fixture. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class CycleTest {

    @Upstreams.Server
    WireMockServer upstreams;

    @Inject
    AgroalDataSource dataSource;

    private String setId;

    @BeforeEach
    void setUp() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
        json(get(urlEqualTo("/models/promoted")), 200, "{\"version\":1,\"datasetId\":\"ds-1\",\"weightsSha256\":\"x\"}");
        json(post(urlEqualTo("/models/2/gate-checks")), 201, "{}");
        json(post(urlEqualTo("/datasets/teacher-pairs/generate")), 201, "{\"imported\":3}");
        json(post(urlEqualTo("/datasets")), 201, "{\"id\":\"ds-2\"}");
        json(post(urlEqualTo("/training-jobs")), 202, "{\"id\":\"job-1\",\"status\":\"queued\"}");
        json(post(urlEqualTo("/models/2/promote")), 200, "{\"model\":{\"version\":2,\"promoted\":true}}");
        json(post(urlEqualTo("/models/reload")), 200, "{\"version\":2}");
        json(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/models/2/guard-report")), 200, "{\"version\":2}");
        Upstreams.scoringTotal(upstreams, 80);
        // the promoted model is off by 20 on energy and 30 on nostalgia: those are the focus dimensions
        Upstreams.localVersionAnswers(upstreams, 1, 40, 80, 40, 70, 30, 60);
        setId = given().contentType("application/json").body(EvalSetTest.set(
                        EvalSetTest.item("first", 20, 80, 40, 70, 30, 90), EvalSetTest.item("second", 20, 80, 40, 70, 30, 90),
                        EvalSetTest.item("third", 20, 80, 40, 70, 30, 90)))
                .post("/eval/datasets").then().extract().path("id");
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder mapping, int status, String body) {
        upstreams.stubFor(mapping.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void trainingEnds(String body) {
        json(get(urlEqualTo("/training-jobs/job-1")), 200, body);
    }

    private JsonPath cycle() {
        int n = given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\",\"augmentPairs\":10,\"seed\":5}")
                .post("/eval/cycles").then().statusCode(202).extract().path("n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"running".equals(given().get("/eval/cycles/" + n).then().extract().path("status")));
        return given().get("/eval/cycles/" + n).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBetterCandidateIsPromotedWithEveryStepRecorded() {
        trainingEnds("{\"id\":\"job-1\",\"status\":\"completed\",\"modelVersion\":2}");
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        JsonPath cycle = cycle();
        assertThat(cycle.getString("status")).as("%s failed: %s", cycle.getString("failedStep"), cycle.getString("error")).isEqualTo("promoted");
        assertThat(cycle.getList("focusDimensions")).containsExactly("nostalgia", "energy");
        assertThat(cycle.getList("steps.name")).containsExactly("evaluate_promoted", "failure_analysis", "augmentation", "filter_split",
                "train", "evaluate_candidate", "promotion_gate", "model_card", "promote");
        assertThat(cycle.getList("steps.status")).allMatch("completed"::equals);
        // no live traffic was shadowed here: the live part says it had nothing to judge, and does not block
        assertThat(cycle.getList("decision.reasons", String.class)).allMatch(reason -> reason.startsWith("PASS") || reason.startsWith("SKIP live"));
        // the replayed hard case (one, in the test profile) is set aside: the gate judges the two other items
        assertThat(cycle.getInt("decision.target.units")).isEqualTo(2);
        assertThat(cycle.getInt("decision.target.setAside")).isEqualTo(1);
        assertThat(cycle.getList("decision.target.ci95", Float.class)).allMatch(bound -> bound < 0);
        assertThat(cycle.getBoolean("decision.target.aa.coversZero")).isTrue();
        String check = cycle.getString("gateCheckId");
        assertThat(cycle.getString("decision.gateCheckId")).isEqualTo(check);
        // the promotion rests on the stored check, which the model registry was told of first
        upstreams.verify(postRequestedFor(urlEqualTo("/models/2/gate-checks")).withRequestBody(containing("\"passed\":true"))
                .withRequestBody(containing(check)));
        upstreams.verify(1, postRequestedFor(urlEqualTo("/models/2/promote")).withRequestBody(containing("\"gateCheckId\":\"" + check + "\"")));
        given().get("/eval/gate-checks/" + check).then().statusCode(200).body("status", org.hamcrest.Matchers.is("completed"))
                .body("cycle", org.hamcrest.Matchers.is(cycle.getInt("n"))).body("promote", org.hamcrest.Matchers.is(true));
        // lineage: the focused pairs name the run and its hard samples; each replayed pair names its sample
        upstreams.verify(postRequestedFor(urlEqualTo("/datasets/teacher-pairs/generate")).withRequestBody(containing("\"sampleItemNos\":[")));
        upstreams.verify(postRequestedFor(urlEqualTo("/datasets/teacher-pairs/generate")).withRequestBody(containing("\"generator\":\"replay\""))
                .withRequestBody(containing("\"itemNo\":0")));
        given().get("/eval/cycles").then().statusCode(200).body("completion.loop_completion_rate", org.hamcrest.Matchers.is(1.0f));
    }

    @Test
    void aCandidateWorseOnAFocusDimensionIsRejectedAndThePromotedModelStays() {
        trainingEnds("{\"id\":\"job-1\",\"status\":\"completed\",\"modelVersion\":2}");
        // better overall (MAE 6.7 against 8.3) but worse on nostalgia, a focus dimension
        Upstreams.localVersionAnswers(upstreams, 2, 20, 80, 40, 70, 30, 50);
        JsonPath cycle = cycle();
        assertThat(cycle.getString("status")).isEqualTo("rejected");
        assertThat(cycle.getList("decision.reasons", String.class)).anyMatch(reason -> reason.startsWith("FAIL focus nostalgia"))
                .anyMatch(reason -> reason.startsWith("PASS target"));
        assertThat(cycle.getList("steps.name", String.class)).last().isEqualTo("reject");
        upstreams.verify(0, postRequestedFor(urlEqualTo("/models/2/promote")));
    }

    @Test
    void aCandidateBetterOnItsTargetButWorseOnAGuardIsRejectedNamingTheGuard() {
        trainingEnds("{\"id\":\"job-1\",\"status\":\"completed\",\"modelVersion\":2}");
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        // the champion reads nostalgia 60 and meets "nostalgia <= 60" on every guard item; the candidate reads 85 and meets none
        String guard = given().contentType("application/json").body("{\"dataset_version\":\"guard\",\"items\":["
                + "{\"request_text\":\"something current\",\"expectations\":[{\"dimension\":\"nostalgia\",\"op\":\"<=\",\"value\":60}]},"
                + "{\"request_text\":\"something of today\",\"expectations\":[{\"dimension\":\"nostalgia\",\"op\":\"<=\",\"value\":60}]},"
                + "{\"request_text\":\"nothing old\",\"expectations\":[{\"dimension\":\"nostalgia\",\"op\":\"<=\",\"value\":60}]}]}")
                .post("/eval/datasets").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"datasetId\":\"" + guard + "\",\"note\":\"fixture\"}").post("/eval/guards").then()
                .statusCode(201);
        JsonPath cycle = cycle();
        assertThat(cycle.getString("status")).isEqualTo("rejected");
        assertThat(cycle.getBoolean("decision.target.pass")).isTrue();
        assertThat(cycle.getString("decision.guards[0].datasetId")).isEqualTo(guard);
        assertThat(cycle.getString("decision.guards[0].metric")).isEqualTo("expectation_pass_rate");
        assertThat(cycle.getFloat("decision.guards[0].delta")).isEqualTo(-1.0f);
        assertThat(cycle.getBoolean("decision.guards[0].pass")).isFalse();
        assertThat(cycle.getList("decision.reasons", String.class)).anyMatch(reason -> reason.startsWith("FAIL guard " + guard));
        upstreams.verify(postRequestedFor(urlEqualTo("/models/2/gate-checks")).withRequestBody(containing("\"passed\":false"))
                .withRequestBody(containing(guard + " (guard expectation_pass_rate)")));
        upstreams.verify(0, postRequestedFor(urlEqualTo("/models/2/promote")));
    }

    @Test
    void aFailureAtTheTrainingStepIsRecordedAndNothingIsPromoted() {
        trainingEnds("{\"id\":\"job-1\",\"status\":\"failed\",\"error\":\"out of memory\"}");
        JsonPath cycle = cycle();
        assertThat(cycle.getString("status")).isEqualTo("failed");
        assertThat(cycle.getString("failedStep")).isEqualTo("train");
        assertThat(cycle.getString("error")).contains("out of memory");
        List<String> statuses = cycle.getList("steps.status");
        assertThat(statuses).last().isEqualTo("failed");
        upstreams.verify(0, postRequestedFor(urlEqualTo("/models/2/promote")));
        given().get("/eval/summary/latest").then().statusCode(200).body("cycles.started", org.hamcrest.Matchers.is(1));
    }

    @Test
    void oneCycleAtATimeAndUnknownSetsAre404() {
        upstreams.stubFor(get(urlEqualTo("/models/promoted")).willReturn(aResponse().withFixedDelay(1500).withStatus(404)));
        given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\"}").post("/eval/cycles").then().statusCode(202);
        given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\"}").post("/eval/cycles").then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"datasetId\":\"es-none\"}").post("/eval/cycles").then().statusCode(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(given().get("/eval/cycles").then().extract().path("items[0].status")));
        given().get("/eval/cycles").then().body("items[0].error", org.hamcrest.Matchers.containsString("bootstrap"));
        given().get("/eval/cycles/999").then().statusCode(404);
    }

    @Inject
    kotone.eval.cycles.CycleRepository cycles;

    private int cycleOfAnotherInstance(String heartbeat) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            var inserted = connection.createStatement().executeQuery("insert into eval.eval_cycle (n, set_id, status, settings, claimed_by, "
                    + "heartbeat_at, started_at) values (nextval('eval.eval_cycle_seq'), '" + setId + "', 'running', '{}', 'eval-another', "
                    + heartbeat + ", now()) returning n");
            inserted.next();
            return inserted.getInt(1);
        }
    }

    @Test
    void anotherInstancesCycleIsFailedOnlyOnceItStopsReportingAndItsFinishThenChangesNothing() throws Exception {
        int alive = cycleOfAnotherInstance("now() + interval '1 hour'");
        // a stale gate check of a third instance: once it is failed, this instance's lease keeper has run since
        java.util.UUID stale = java.util.UUID.randomUUID();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("insert into eval.eval_gate_check (id, candidate_version, target_set_id, mode, status, "
                    + "claimed_by, heartbeat_at, created_at) values ('" + stale + "', 2, '" + setId + "', 'auto', 'running', 'eval-gone', "
                    + "now() - interval '1 hour', now() - interval '1 hour')");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(given().get("/eval/gate-checks/" + stale).then().extract().path("status")));
        // a sibling that still reports keeps its cycle
        assertThat(given().get("/eval/cycles/" + alive).then().extract().<String>path("status")).isEqualTo("running");
        assertThat(cycles.finish(alive, "eval-not-the-owner", kotone.eval.cycles.Cycle.Status.promoted, null)).isFalse();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("update eval.eval_cycle set heartbeat_at = now() - interval '1 hour' where n = " + alive);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(given().get("/eval/cycles/" + alive).then().extract().path("status")));
        given().get("/eval/cycles/" + alive).then().body("error", org.hamcrest.Matchers.containsString("stopped reporting"));
        // the owner coming back cannot turn it into a promotion
        assertThat(cycles.finish(alive, "eval-another", kotone.eval.cycles.Cycle.Status.promoted, null)).isFalse();
        assertThat(given().get("/eval/cycles/" + alive).then().extract().<String>path("status")).isEqualTo("failed");
    }
}
