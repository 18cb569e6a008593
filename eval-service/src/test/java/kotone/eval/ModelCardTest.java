package kotone.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

/** A model card's guard report: the rules, the local model and auto on every guard, auto against the better single source. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class ModelCardTest {

    @Upstreams.Server
    WireMockServer upstreams;

    @Inject
    AgroalDataSource dataSource;

    private String guard;

    @BeforeEach
    void setUp() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
        Upstreams.scoringTotal(upstreams, 80);
        upstreams.stubFor(get(urlEqualTo("/models/2")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"version\":2}")));
        upstreams.stubFor(get(urlEqualTo("/models/9")).willReturn(aResponse().withStatus(404)));
        upstreams.stubFor(put(urlEqualTo("/models/2/guard-report")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"version\":2}")));
        guard = given().contentType("application/json").body(EvalSetTest.set(EvalSetTest.item("first", 20, 80, 40, 70, 30, 90),
                        EvalSetTest.item("second", 20, 80, 40, 70, 30, 90), EvalSetTest.item("third", 20, 80, 40, 70, 30, 90)))
                .post("/eval/datasets").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"datasetId\":\"" + guard + "\",\"note\":\"fixture\"}").post("/eval/guards").then()
                .statusCode(201);
    }

    /** The last guard report the registry was sent, once it is no longer running. */
    private JsonPath recordedReport() {
        await().atMost(Duration.ofSeconds(30)).until(() -> upstreams.findAll(putRequestedFor(urlEqualTo("/models/2/guard-report"))).stream()
                .anyMatch(request -> !request.getBodyAsString().contains("\"running\"")));
        List<LoggedRequest> sent = upstreams.findAll(putRequestedFor(urlEqualTo("/models/2/guard-report")));
        return JsonPath.from(sent.get(sent.size() - 1).getBodyAsString());
    }

    @Test
    void measuresRuleLocalAndAutoOnEveryGuardAndRecordsThemOnTheCard() {
        // the rules read energy 60 where the targets say 20; the local model v2 (and so auto, which serves it) reads 30
        Upstreams.interpretAs(upstreams, "rule", "", 60, 80, 40, 70, 30, 90);
        Upstreams.localVersionAnswers(upstreams, 2, 30, 80, 40, 70, 30, 90);
        given().contentType("application/json").body("{\"modelVersion\":2}").post("/eval/model-cards").then().statusCode(202)
                .body("status", is("running")).body("modelCard", is("/api/v1/models/2"));
        JsonPath report = recordedReport();
        assertThat(report.getString("status")).isEqualTo("completed");
        assertThat(report.getList("guards.datasetId")).containsExactly(guard);
        assertThat(report.getString("guards[0].metric")).isEqualTo("vector_mae");
        assertThat(report.getDouble("guards[0].rule")).isCloseTo(40 / 6.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.getDouble("guards[0].local")).isCloseTo(10 / 6.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.getDouble("guards[0].auto")).isCloseTo(10 / 6.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.getString("guards[0].bestSingle")).isEqualTo("local");
        assertThat(report.getDouble("guards[0].autoVsBest")).isZero();
        assertThat(report.getBoolean("guards[0].autoNoWorse")).isTrue();
        // the rule run was made for the card: the rules answered it, whatever version the card is for
        given().get("/eval/runs/" + report.getString("guards[0].ruleRunId")).then().statusCode(200).body("mode", is("rule_baseline"));
        given().get("/eval/runs/" + report.getString("guards[0].autoRunId")).then().statusCode(200).body("mode", is("auto"))
                .body("modelVersion", is("v2"));
    }

    @Test
    void autoWorseThanTheRulesOnAGuardIsSaidSo() {
        Upstreams.interpretAs(upstreams, "rule", "", 20, 80, 40, 70, 30, 90);
        Upstreams.localVersionAnswers(upstreams, 2, 60, 80, 40, 70, 30, 90);
        given().contentType("application/json").body("{\"modelVersion\":2}").post("/eval/model-cards").then().statusCode(202);
        JsonPath report = recordedReport();
        assertThat(report.getString("guards[0].bestSingle")).isEqualTo("rule");
        assertThat(report.getDouble("guards[0].autoVsBest")).isCloseTo(40 / 6.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.getBoolean("guards[0].autoNoWorse")).isFalse();
    }

    @Test
    void anInterpreterOutageMakesNoReportInsteadOfBadFigures() {
        Upstreams.interpretAs(upstreams, "rule", "", 20, 80, 40, 70, 30, 90);
        Upstreams.localVersionAnswers(upstreams, 2, 20, 80, 40, 70, 30, 90);
        Upstreams.interpretFails(upstreams, "second");
        given().contentType("application/json").body("{\"modelVersion\":2}").post("/eval/model-cards").then().statusCode(202);
        JsonPath report = recordedReport();
        assertThat(report.getString("status")).isEqualTo("failed");
        assertThat(report.getList("guards")).isEmpty();
        assertThat(report.getString("error")).contains("an outage is not a model failure").contains("the interpreter service is unavailable");
    }

    @Test
    void anUnknownVersionOrAMissingOneIsAProblemNamingTheField() {
        given().contentType("application/json").body("{\"modelVersion\":9}").post("/eval/model-cards").then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", hasItem("modelVersion"));
        given().contentType("application/json").body("{}").post("/eval/model-cards").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("modelVersion"));
        upstreams.verify(0, putRequestedFor(urlEqualTo("/models/9/guard-report")).withRequestBody(containing("running")));
    }
}
