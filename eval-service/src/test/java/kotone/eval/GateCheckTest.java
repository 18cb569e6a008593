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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gate checks: a registered version judged against the champion on a target and the guards, and told to the registry. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class GateCheckTest {

    @Upstreams.Server
    WireMockServer upstreams;

    @Inject
    AgroalDataSource dataSource;

    private String target;

    @BeforeEach
    void setUp() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
        Upstreams.scoringTotal(upstreams, 80);
        json(get(urlEqualTo("/models/promoted")), 200, "{\"version\":1}");
        json(get(urlEqualTo("/models/1")), 200, "{\"version\":1}");
        json(get(urlEqualTo("/models/2")), 200, "{\"version\":2}");
        upstreams.stubFor(get(urlEqualTo("/models/9")).willReturn(aResponse().withStatus(404)));
        json(post(urlEqualTo("/models/2/gate-checks")), 201, "{}");
        Upstreams.localVersionAnswers(upstreams, 1, 40, 80, 40, 70, 30, 60);
        target = given().contentType("application/json").body(EvalSetTest.set(EvalSetTest.item("first", 20, 80, 40, 70, 30, 90),
                        EvalSetTest.item("second", 20, 80, 40, 70, 30, 90), EvalSetTest.item("third", 20, 80, 40, 70, 30, 90)))
                .post("/eval/datasets").then().statusCode(201).extract().path("id");
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder mapping, int status, String body) {
        upstreams.stubFor(mapping.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private JsonPath check(int candidate) {
        String id = given().contentType("application/json").header("X-Kotone-Caller", "admin:0123456789ab")
                .body("{\"candidateVersion\":" + candidate + ",\"datasetId\":\"" + target + "\"}").post("/eval/gate-checks").then()
                .statusCode(202).body("status", is("queued")).body("championVersion", is(1)).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !java.util.List.of("queued", "running")
                .contains(given().get("/eval/gate-checks/" + id).then().extract().<String>path("status")));
        return given().get("/eval/gate-checks/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBetterCandidatePassesAndTheRegistryIsToldOfTheCheck() {
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        JsonPath check = check(2);
        assertThat(check.getString("status")).isEqualTo("completed");
        assertThat(check.getBoolean("promote")).isTrue();
        assertThat(check.getString("mode")).isEqualTo("auto");
        assertThat(check.getString("requestedBy")).isEqualTo("admin:0123456789ab");
        assertThat(check.getString("decision.target.datasetId")).isEqualTo(target);
        assertThat(check.getInt("decision.target.units")).isEqualTo(3);
        assertThat(check.getList("decision.target.focus.dimension")).containsExactlyInAnyOrder("energy", "nostalgia");
        upstreams.verify(postRequestedFor(urlEqualTo("/models/2/gate-checks")).withRequestBody(containing(check.getString("id")))
                .withRequestBody(containing("\"championVersion\":1")).withRequestBody(containing("\"passed\":true")));
        given().get("/eval/gate-checks?candidateVersion=2").then().statusCode(200).body("items.size()", is(1));
    }

    @Test
    void aCandidateThatIsBetterOnTheSetsButWorseOnLiveTrafficIsRefused() {
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        json(get(urlEqualTo("/traffic/shadow/2")), 200, Upstreams.liveEvidence(2, 80, 0.9, 0.6, -0.4, -0.2, 0.8));
        JsonPath check = check(2);
        assertThat(check.getString("status")).isEqualTo("completed");
        assertThat(check.getBoolean("decision.target.pass")).isTrue();
        assertThat(check.getBoolean("promote")).isFalse();
        assertThat(check.getBoolean("decision.live.enough")).isTrue();
        assertThat(check.getBoolean("decision.live.pass")).isFalse();
        assertThat(check.getInt("decision.live.evidence.expectations.requests")).isEqualTo(80);
        assertThat(check.getList("decision.reasons", String.class)).anyMatch(reason -> reason.startsWith("FAIL live: expectations met on 80"));
        upstreams.verify(postRequestedFor(urlEqualTo("/models/2/gate-checks")).withRequestBody(containing("\"passed\":false"))
                .withRequestBody(containing("live traffic")));
    }

    @Test
    void liveEvidenceWithinItsMarginsLetsTheCandidatePassAndTooLittleDecidesNothing() {
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        json(get(urlEqualTo("/traffic/shadow/2")), 200, Upstreams.liveEvidence(2, 80, 0.90, 0.91, -0.02, 0.04, 0.8));
        JsonPath held = check(2);
        assertThat(held.getBoolean("promote")).isTrue();
        assertThat(held.getBoolean("decision.live.pass")).isTrue();
        json(get(urlEqualTo("/traffic/shadow/2")), 200, Upstreams.liveEvidence(2, 10, 0.9, 0.5, -0.6, -0.2, 0.8));
        JsonPath few = check(2);
        assertThat(few.getBoolean("promote")).isTrue();
        assertThat(few.getBoolean("decision.live.enough")).isFalse();
        assertThat(few.getList("decision.reasons", String.class)).anyMatch(reason -> reason.contains("fewer than the 50 needed"));
    }

    @Test
    void liveEvidenceThatCannotBeReadFailsTheCheckAndJudgesNoModel() {
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        upstreams.stubFor(get(urlEqualTo("/traffic/shadow/2")).willReturn(aResponse().withStatus(503)));
        JsonPath check = check(2);
        assertThat(check.getString("status")).isEqualTo("failed");
        assertThat(check.getString("error")).contains("live evidence").contains("an outage is not a model failure");
        upstreams.verify(0, postRequestedFor(urlEqualTo("/models/2/gate-checks")));
    }

    @Test
    void theChampionsNoiseIsCalibratedOncePerSetAndChampion() throws Exception {
        Upstreams.localVersionAnswers(upstreams, 2, 25, 80, 40, 70, 30, 85);
        check(2);
        check(2);
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(
                "select (select count(*) from eval.eval_run where item_order_seed is not null), (select count(*) from eval.eval_calibration)")) {
            rows.next();
            assertThat(rows.getInt(1)).as("repeat runs").isEqualTo(1);
            assertThat(rows.getInt(2)).as("calibrations").isEqualTo(1);
        }
    }

    @Test
    void anOutageDuringTheCheckIsNotJudgedAsTheModelsFailure() {
        upstreams.stubFor(post(urlEqualTo("/interpret")).withRequestBody(containing("\"modelVersion\":2"))
                .willReturn(aResponse().withStatus(503)));
        JsonPath check = check(2);
        assertThat(check.getString("status")).isEqualTo("failed");
        assertThat(check.getString("error")).contains("an outage is not a model failure").contains("the interpreter service is unavailable");
        assertThat(check.<Object>get("decision")).isNull();
        upstreams.verify(0, postRequestedFor(urlEqualTo("/models/2/gate-checks")));
    }

    @Test
    void badRequestsAreNamedAndStoreNothing() {
        given().contentType("application/json").body("{\"candidateVersion\":9,\"datasetId\":\"" + target + "\"}").post("/eval/gate-checks")
                .then().statusCode(404).contentType("application/problem+json").body("errors.field", hasItem("candidateVersion"));
        given().contentType("application/json").body("{\"candidateVersion\":2,\"datasetId\":\"es-unknown\"}").post("/eval/gate-checks")
                .then().statusCode(404).body("errors.field", hasItem("datasetId"));
        given().contentType("application/json").body("{\"candidateVersion\":1,\"datasetId\":\"" + target + "\"}").post("/eval/gate-checks")
                .then().statusCode(422).body("errors.field", hasItem("candidateVersion"));
        given().contentType("application/json").body("{\"candidateVersion\":-3,\"datasetId\":\"" + target + "\"}").post("/eval/gate-checks")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/eval/gate-checks").then().statusCode(200).body("items.size()", is(0));
        given().get("/eval/gate-checks/not-a-uuid").then().statusCode(404);
    }
}
