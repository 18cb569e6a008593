package kotone.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behavioural eval sets: expectations, invariance and direction pairs, their pass rates and failing checks. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class BehaviourTest {

    @Upstreams.Server
    WireMockServer upstreams;

    @Inject
    AgroalDataSource dataSource;

    private static final String SUITE = """
            {"dataset_version": "behaviour fixture", "items": [
              {"id": "calm", "language": "en", "category": "level", "request_text": "something calm for the library",
               "expectations": [{"dimension": "energy", "op": "<=", "value": 40}]},
              {"id": "calm-polite", "language": "en", "category": "invariance", "request_text": "something calm for the library, please",
               "expectations": [{"dimension": "energy", "op": "<=", "value": 40}], "relation": {"kind": "invariance", "base": "calm", "max_shift": 8}},
              {"id": "very-calm", "language": "en", "category": "direction", "request_text": "extremely calm, almost silent",
               "expectations": [{"dimension": "energy", "op": "<=", "value": 35}],
               "relation": {"kind": "direction", "base": "calm", "dimension": "energy", "towards": "low"}},
              {"id": "warm-dark", "language": "ja", "category": "two-dimensions", "request_text": "温かくて暗い曲",
               "expectations": [{"dimension": "warmth", "op": ">=", "value": 60}, {"dimension": "brightness", "op": "<=", "value": 40}]}
            ]}""";

    @BeforeEach
    void clear() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
        Upstreams.scoringTotal(upstreams, 80);
    }

    private String register(String body) {
        return given().contentType("application/json").body(body).post("/eval/datasets").then().statusCode(201).extract().path("id");
    }

    private JsonPath run(String setId) {
        String id = given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\",\"mode\":\"rule_baseline\"}")
                .post("/eval/runs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(given().get("/eval/runs/" + id).then().extract().path("status")));
        return given().get("/eval/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRunReportsThePassRateOverallPerKindDimensionAndLanguageAndListsTheFailures() {
        Upstreams.interpretAs(upstreams, "rule", "something calm for the library\"", 38, 50, 50, 50, 50, 50);
        Upstreams.interpretAs(upstreams, "rule", "something calm for the library, please", 37, 50, 62, 50, 50, 50);
        Upstreams.interpretAs(upstreams, "rule", "extremely calm, almost silent", 30, 50, 50, 50, 50, 50);
        Upstreams.interpretAs(upstreams, "rule", "温かくて暗い曲", 50, 66, 45, 50, 50, 50);
        String setId = register(SUITE);
        given().get("/eval/datasets/" + setId).then().body("targetItems", is(0)).body("checkItems", is(4));

        JsonPath run = run(setId);
        // checks: calm (pass), calm-polite level (pass) and invariance (brightness moved 12: fail), very-calm level and
        // direction (pass), warm-dark warmth (pass) and brightness (45 > 40: fail)
        assertThat(run.getFloat("metrics.expectation_pass_rate")).isEqualTo(5 / 7.0f);
        assertThat(run.getInt("metrics.expectations.checks")).isEqualTo(7);
        assertThat(run.getFloat("metrics.expectations.byKind.invariance.passRate")).isZero();
        assertThat(run.getFloat("metrics.expectations.byKind.direction.passRate")).isEqualTo(1f);
        assertThat(run.getFloat("metrics.expectations.byDimension.brightness.passRate")).isZero();
        assertThat(run.getInt("metrics.expectations.byLanguage.ja.checks")).isEqualTo(2);
        assertThat(run.getFloat("metrics.json_valid_rate")).isEqualTo(1f);
        assertThat(run.<Object>get("metrics.vector_mae")).as("no item has a target").isNull();

        JsonPath failing = given().get("/eval/runs/" + run.getString("id") + "/checks?failing=true").then().statusCode(200).extract().jsonPath();
        assertThat(failing.getList("items.kind")).containsExactly("invariance", "level");
        assertThat(failing.getList("items.requestText")).containsExactly("something calm for the library, please", "温かくて暗い曲");
        assertThat(failing.getList("items.expected")).containsExactly("no dimension moves more than 8 from item 0's reading", "brightness <= 40");
        assertThat(failing.getList("items.read")).containsExactly("brightness moved 12 (50 -> 62)", "brightness 45");
        given().get("/eval/runs/" + run.getString("id") + "/checks").then().body("items.size()", is(7));
    }

    @Test
    void twoRunsOnOneSetCompareCheckByCheckWithAnInterval() {
        String setId = register(SUITE);
        Upstreams.interpretAs(upstreams, "rule", "", 50, 50, 50, 50, 50, 50);
        String before = run(setId).getString("id");
        Upstreams.interpretAs(upstreams, "rule", "", 20, 70, 30, 50, 50, 50);
        String after = run(setId).getString("id");
        JsonPath compared = given().get("/eval/runs/compare?base=" + before + "&candidate=" + after).then().statusCode(200).extract().jsonPath();
        assertThat(compared.getInt("checksCompared")).isEqualTo(7);
        assertThat(compared.getFloat("passRateDeltaBootstrap95.meanDelta")).isGreaterThan(0);
    }

    @Test
    void everyMistakeInABehaviouralItemIsNamedAndNothingIsStored() {
        String bad = """
                {"items": [
                  {"id": "a", "request_text": "calm", "expectations": [{"dimension": "loudness", "op": "<=", "value": 40}]},
                  {"id": "b", "request_text": "calm", "expectations": [{"dimension": "energy", "op": "<", "value": 40}]},
                  {"id": "c", "request_text": "calm", "expectations": [{"dimension": "energy", "op": "<=", "value": 140}]},
                  {"id": "d", "request_text": "calm, please", "relation": {"kind": "invariance", "base": "missing"}},
                  {"id": "e", "request_text": "very calm", "relation": {"kind": "direction", "base": "a", "dimension": "energy"}},
                  {"id": "f", "request_text": "calm", "relation": {"kind": "sideways", "base": "a"}},
                  {"id": "g", "request_text": "nothing to judge"}
                ]}""";
        given().contentType("application/json").body(bad).post("/eval/datasets").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("items[0].expectations[0].dimension", "items[1].expectations[0].op",
                        "items[2].expectations[0].value", "items[4].relation.towards", "items[5].relation.kind", "items[6]"));
        // the pair with one side missing is found once every item's own fields are right
        given().contentType("application/json").body("""
                {"items": [{"id": "d", "request_text": "calm, please", "relation": {"kind": "invariance", "base": "missing"}}]}""")
                .post("/eval/datasets").then().statusCode(422).body("errors.field", hasItem("items[0].relation.base"));
        given().get("/eval/datasets").then().statusCode(200).body("items.size()", is(0));
        upstreams.verify(0, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/datasets/reserved-texts/.*")));
    }

    @Test
    void aSetIsStoredOnlyOnceTheDatasetServiceReservedItsTexts() {
        String setId = register(SUITE);
        upstreams.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/datasets/reserved-texts/" + setId)));
        Upstreams.reset(upstreams);
        upstreams.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                "/datasets/reserved-texts/.*")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)));
        given().contentType("application/json").body(EvalSetTest.set(EvalSetTest.item("another", 1, 2, 3, 4, 5, 6))).post("/eval/datasets")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("dataset service"));
        List<Map<String, Object>> sets = given().get("/eval/datasets").then().extract().path("items");
        assertThat(sets).extracting(set -> set.get("id")).containsExactly(setId);
    }
}
