package kotone.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.eval.runs.SampleRepository;
import kotone.eval.runs.SampleRow;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class RunTest {

    @Upstreams.Server
    WireMockServer upstreams;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SampleRepository samples;

    @Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    private static final String FIXTURE = EvalSetTest.set(
            EvalSetTest.item("exact match", 20, 80, 40, 70, 30, 90),
            EvalSetTest.item("two off", 20, 80, 40, 70, 30, 90),
            EvalSetTest.item("breaks the interpreter", 20, 80, 40, 70, 30, 90));

    @BeforeEach
    void clear() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
        Upstreams.interpretAs(upstreams, "rule", "exact match", 20, 80, 40, 70, 30, 90);
        Upstreams.interpretAs(upstreams, "rule", "two off", 30, 80, 40, 70, 30, 70);
        Upstreams.interpretRefuses(upstreams, "breaks the interpreter");
        Upstreams.scoringTotal(upstreams, 80);
    }

    private String evalSet(String body) {
        return given().contentType("application/json").body(body).post("/eval/datasets").then().extract().path("id");
    }

    private String run(String setId, String mode) {
        String id = given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\",\"mode\":\"" + mode + "\"}")
                .post("/eval/runs").then().statusCode(202).body("status", is("queued")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("completed", "failed").contains(given().get("/eval/runs/" + id).then().extract().<String>path("status")));
        return id;
    }

    @Test
    void computesEveryMetricOfTheOriginalReportOnAFixture() {
        String setId = evalSet(FIXTURE);
        String runId = run(setId, "rule_baseline");
        JsonPath run = given().get("/eval/runs/" + runId).then().statusCode(200)
                .body("status", is("completed")).body("modelVersion", is("x")).body("progress.done", is(3)).body("progress.total", is(3)).extract().jsonPath();
        // by hand: errors (0,0,0,0,0,0) and (10,0,0,0,0,20); the interpreter refused the third item, so it counts as invalid
        assertThat(run.getDouble("metrics.json_valid_rate")).isCloseTo(2 / 3.0, within(1e-4));
        assertThat(run.getDouble("metrics.vector_mae")).isCloseTo(30 / 12.0, within(1e-4));
        assertThat(run.getDouble("metrics.mse_raw")).isCloseTo(500 / 12.0, within(1e-4));
        assertThat(run.getDouble("metrics.mse_norm")).isCloseTo(500 / 12.0 / 10_000, within(1e-6));
        assertThat(run.getDouble("metrics.r2_score")).isCloseTo(1 - 500 / 8300.0, within(1e-4));
        assertThat(run.getDouble("metrics.mae_raw_by_dim.energy")).isEqualTo(5.0);
        assertThat(run.getDouble("metrics.mae_raw_by_dim.nostalgia")).isEqualTo(10.0);
        assertThat(run.getDouble("metrics.mae_raw_by_dim.warmth")).isEqualTo(0.0);
        assertThat(run.getDouble("metrics.intent_score_mean")).isEqualTo(80.0);
        assertThat(run.getDouble("metrics.output_sanity_score")).isCloseTo((91 + 85 + 12) / 3.0, within(1e-4));
        assertThat(run.getDouble("metrics.cost_per_100_requests_usd")).isEqualTo(0.0);
        assertThat(run.getDouble("metrics.constraint_match_rate")).isBetween(0.5, 1.0);
        assertThat(run.getDouble("metrics.slot_exact_match")).isBetween(0.5, 1.0);
        assertThat(run.getDouble("metrics.p50_latency_ms")).isPositive();
        assertThat(run.getDouble("metrics.p95_latency_ms")).isGreaterThanOrEqualTo(run.getDouble("metrics.p50_latency_ms"));
        assertThat(run.getMap("slices.bySourceType")).containsKey("request_text");
        assertThat(run.getMap("slices.byLanguage")).containsKey("en");
        upstreams.verify(2, postRequestedFor(urlEqualTo("/score")));

        JsonPath page = given().get("/eval/runs/" + runId + "/samples?sort=error_desc&limit=10").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.requestText")).containsExactly("breaks the interpreter", "two off", "exact match");
        assertThat(page.getString("items[0].status")).isEqualTo("failed");
        assertThat(page.getString("items[0].error")).contains("the interpreter refused the item").contains("HTTP 422")
                .contains("requestText is not a request");
        assertThat(page.getString("items[1].traceId")).matches("[0-9a-f]{32}");
        assertThat(page.getString("items[1].traceUrl")).isEqualTo("http://jaeger.test/trace/" + page.getString("items[1].traceId"));
        assertThat(page.getInt("items[1].intentScore")).isEqualTo(80);
        // each sample is a trace of its own (eval.sample -> the interpreter's reading), linked to the request that queued the run;
        // rule_baseline items go in batches, each item with its own traceparent, and are scored in one call without coaching
        String traceId = page.getString("items[1].traceId");
        assertThat(page.getList("items.traceId")).doesNotHaveDuplicates();
        assertThat(upstreams.findAll(postRequestedFor(urlEqualTo("/interpret")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("two off"))))
                .singleElement().satisfies(request -> assertThat(request.getHeader("traceparent")).contains(traceId));
        assertThat(upstreams.findAll(postRequestedFor(urlEqualTo("/interpret/batch")))).isNotEmpty()
                .allSatisfy(request -> assertThat(request.getBodyAsString()).contains("\"traceparent\":\"00-"));
        assertThat(upstreams.findAll(postRequestedFor(urlEqualTo("/score/batch")))).isNotEmpty()
                .allSatisfy(request -> assertThat(request.getBodyAsString()).contains("\"coaching\":false"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var sampleSpan = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getName().equals("eval.sample") && span.getTraceId().equals(traceId)).findFirst().orElseThrow();
            var queued = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == io.opentelemetry.api.trace.SpanKind.SERVER && span.getName().contains("/eval/runs")).toList();
            assertThat(sampleSpan.getParentSpanContext().isValid()).isFalse();
            assertThat(sampleSpan.getLinks()).singleElement().satisfies(link ->
                    assertThat(queued).anyMatch(span -> span.getSpanId().equals(link.getSpanContext().getSpanId())));
        });
    }

    @Test
    void anInterpreterThatIsDownMakesTheRunWaitThenResumeWithoutCountingTheOutage() {
        String setId = evalSet(FIXTURE);
        Upstreams.interpretFails(upstreams, "two off");
        String id = given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\",\"mode\":\"rule_baseline\"}")
                .post("/eval/runs").then().statusCode(202).extract().path("id");
        // while the interpreter fails, the run waits and says for what; the outage is not stored as a sample
        await().atMost(Duration.ofSeconds(10)).until(() -> "interpreter".equals(given().get("/eval/runs/" + id).then().extract()
                .path("waiting.dependency")));
        assertThat(given().get("/eval/runs/" + id).then().extract().<String>path("status")).isEqualTo("running");
        assertThat(given().get("/eval/runs/" + id).then().extract().<String>path("waiting.reason")).contains("HTTP 500");
        assertThat(samples.page(UUID.fromString(id), SampleRepository.Order.ITEM, 10, 0)).noneMatch(row -> "two off".equals(row.requestText()));
        // it comes back: the run resumes where it stopped and completes as if nothing had happened
        Upstreams.interpretAs(upstreams, "rule", "two off", 30, 80, 40, 70, 30, 70);
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(given().get("/eval/runs/" + id).then().extract().path("status")));
        JsonPath run = given().get("/eval/runs/" + id).then().extract().jsonPath();
        assertThat(run.getDouble("metrics.json_valid_rate")).isCloseTo(2 / 3.0, within(1e-4));
        assertThat(run.getDouble("metrics.vector_mae")).isCloseTo(30 / 12.0, within(1e-4));
        assertThat(run.<Object>get("waiting")).isNull();
    }

    @Test
    void anInterpreterDownLongerThanARunWaitsFailsTheRunNamingIt() {
        String setId = evalSet(FIXTURE);
        Upstreams.interpretFails(upstreams, "two off");
        String id = given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\",\"mode\":\"rule_baseline\"}")
                .post("/eval/runs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(given().get("/eval/runs/" + id).then().extract().path("status")));
        JsonPath run = given().get("/eval/runs/" + id).then().extract().jsonPath();
        assertThat(run.getString("error")).contains("the interpreter service is unavailable").contains("the run stopped without judging the model");
        assertThat(run.<Object>get("metrics")).isNull();
    }

    @Test
    void aSampleWhoseScoringWasRefusedKeepsWhyAndIsCounted() {
        upstreams.stubFor(post(urlEqualTo("/score")).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"detail\":\"selectedPartsBySlot.style names an unknown part\"}")));
        String runId = run(evalSet(FIXTURE), "rule_baseline");
        JsonPath run = given().get("/eval/runs/" + runId).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("metrics.scoring_failed_samples")).isEqualTo(2);
        assertThat(run.getInt("metrics.intent_scored_samples")).isZero();
        assertThat(run.<Object>get("metrics.intent_score_mean")).isNull();
        assertThat(given().get("/eval/runs/" + runId + "/samples?sort=item").then().extract().jsonPath().getString("items[0].scoringError"))
                .contains("unknown part");
    }

    @Test
    void storesASampleOnceHoweverOftenItIsRetried() {
        String runId = run(evalSet(FIXTURE), "rule_baseline");
        UUID id = UUID.fromString(runId);
        List<SampleRow> stored = samples.page(id, SampleRepository.Order.ITEM, 10, 0);
        assertThat(samples.insert(id, stored)).isZero();
        assertThat(samples.count(id)).isEqualTo(3);

        // a chunk larger than one multi-row insert, holding the three stored samples among 300 new ones
        SampleRow first = stored.get(0);
        List<SampleRow> chunk = new java.util.ArrayList<>(stored);
        for (int itemNo = 1000; itemNo < 1300; itemNo++) {
            chunk.add(new SampleRow(itemNo, first.ok(), first.requestText(), first.sourceType(), first.language(), first.target(),
                    first.predicted(), first.judgement(), first.servedMode(), first.modelVersion(), first.fallbackReason(),
                    first.jsonValid(), first.parseError(), first.latencyMs(), first.costUsd(), first.intentScore(), first.topParts(),
                    first.traceId(), first.interpreterTraceId(), first.traceUrl(), first.error(), first.scoringError()));
        }
        assertThat(samples.insert(id, chunk)).isEqualTo(300);
        assertThat(samples.count(id)).isEqualTo(303);
        assertThat(samples.page(id, SampleRepository.Order.ITEM, 1, 302).get(0).itemNo()).isEqualTo(1299);
    }

    @Test
    void aRunInterruptedByARestartIsPickedUpAgainAndCompleted() throws Exception {
        String setId = evalSet(FIXTURE);
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("insert into eval.eval_run (id, set_id, mode, status, total, price_table_version, claimed_by, "
                    + "heartbeat_at, started_at) values ('" + id + "', '" + setId + "', 'rule_baseline', 'running', 3, 't', 'a-dead-instance', "
                    + "now() - interval '1 hour', now() - interval '1 hour')");
            connection.createStatement().execute("insert into eval.eval_run_chunk (run_id, chunk_no, first_item, last_item, status, claimed_by, "
                    + "heartbeat_at) values ('" + id + "', 0, 0, 2, 'running', 'a-dead-instance', now() - interval '1 hour')");
        }
        String first = given().get("/eval/runs/" + id + "/samples?sort=item").then().extract().asString();
        assertThat(first).contains("\"items\":[]");
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(given().get("/eval/runs/" + id).then().extract().path("status")));
        assertThat(samples.count(id)).isEqualTo(3);
    }

    @Test
    void comparesRunsItemByItem() {
        String setId = evalSet(FIXTURE);
        Upstreams.interpretAs(upstreams, "local", "exact match", 40, 80, 40, 70, 30, 90);
        Upstreams.interpretAs(upstreams, "local", "two off", 20, 80, 40, 70, 30, 90);
        Upstreams.interpretAs(upstreams, "local", "breaks the interpreter", 20, 80, 40, 70, 30, 90);
        String base = run(setId, "rule_baseline");
        String candidate = run(setId, "local_model");
        JsonPath compare = given().get("/eval/runs/compare?base=" + base + "&candidate=" + candidate).then().statusCode(200).extract().jsonPath();
        // exact match got worse (0 -> 20/6), two off got better (30/6 -> 0), the failed item now answers (100 -> 0)
        assertThat(compare.getInt("itemsBetter")).isEqualTo(2);
        assertThat(compare.getInt("itemsWorse")).isEqualTo(1);
        assertThat(compare.getList("worse.requestText")).containsExactly("exact match");
        assertThat(compare.getDouble("metricDeltas.json_valid_rate")).isCloseTo(1 / 3.0, within(1e-4));
        assertThat(compare.getDouble("maeDeltaBootstrap95.meanDelta")).isCloseTo((20 / 6.0 - 5 - 100) / 3, within(1e-4));
        assertThat(compare.getDouble("maeDeltaBootstrap95.low")).isLessThanOrEqualTo(compare.getDouble("maeDeltaBootstrap95.high"));
        assertThat(compare.getMap("maeByDimensionDeltas")).containsKey("energy");

        String otherSet = evalSet(EvalSetTest.set(EvalSetTest.item("exact match", 1, 2, 3, 4, 5, 6)));
        String other = run(otherSet, "rule_baseline");
        given().get("/eval/runs/compare?base=" + base + "&candidate=" + other).then().statusCode(422).contentType("application/problem+json");

        JsonPath summary = given().get("/eval/summary/latest?datasetId=" + setId).then().statusCode(200).extract().jsonPath();
        assertThat(summary.getMap("runs")).containsKeys("rule_baseline", "local_model");
        assertThat(summary.getDouble("deltas.local_model_vs_rule_baseline.json_valid_rate")).isCloseTo(1 / 3.0, within(1e-4));

        JsonPath failures = given().get("/eval/runs/" + base + "/failures?top=2").then().statusCode(200).extract().jsonPath();
        assertThat(failures.getList("focusDimensions")).containsExactly("nostalgia", "energy");
        assertThat(failures.getString("playbook")).contains("## What data to add").contains("nostalgia");
        assertThat(failures.getList("cases")).hasSize(2);

        given().get("/eval/runs?mode=local_model&datasetId=" + setId).then().statusCode(200).body("items.size()", is(1))
                .body("items[0].id", is(candidate)).body("items[0].metrics.vector_mae", notNullValue())
                .body("items[0]", not(hasKey("slices")));
        assertThat(summary.getMap("runs.local_model")).containsKey("metrics").doesNotContainKey("slices");
        given().get("/eval/runs/" + candidate).then().statusCode(200).body("slices.byLanguage", notNullValue());
        String csv = given().get("/eval/runs?format=csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(4);
        String samplesCsv = given().get("/eval/runs/" + base + "/samples?format=csv").then().statusCode(200).extract().asString();
        assertThat(samplesCsv.lines().count()).isEqualTo(4);
    }

    @Test
    void theSqlViewsAnswerAndTheAnalystRoleOnlyReads() throws Exception {
        String runId = run(evalSet(FIXTURE), "rule_baseline");
        try (Connection connection = dataSource.getConnection()) {
            var summary = connection.createStatement().executeQuery("select mode, vector_mae from eval.eval_run_summary where run_id = '" + runId + "'");
            assertThat(summary.next()).isTrue();
            assertThat(summary.getString(1)).isEqualTo("rule_baseline");
            assertThat(summary.getDouble(2)).isCloseTo(2.5, within(1e-6));
            var detail = connection.createStatement().executeQuery("select count(*) from eval.eval_sample_detail where run_id = '" + runId + "'");
            detail.next();
            assertThat(detail.getInt(1)).isEqualTo(3);
            connection.setAutoCommit(false);
            connection.createStatement().execute("set local role kotone_analyst");
            var read = connection.createStatement().executeQuery("select count(*) from eval.eval_run_summary");
            assertThat(read.next()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> connection.createStatement().execute("delete from eval.eval_sample"))
                    .hasMessageContaining("permission denied");
            connection.rollback();
        }
    }

    @Test
    void refusesBadRequests() {
        given().contentType("application/json").body("{\"datasetId\":\"es-none\",\"mode\":\"rule_baseline\"}").post("/eval/runs")
                .then().statusCode(404).body("errors.field", hasItem("datasetId"));
        given().contentType("application/json").body("{\"datasetId\":\"es-none\",\"mode\":\"magic\"}").post("/eval/runs")
                .then().statusCode(400).body("errors.field", hasItem("mode"));
        given().get("/eval/runs?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().get("/eval/runs?offset=-1").then().statusCode(400);
        given().get("/eval/runs?mode=magic").then().statusCode(400);
        given().get("/eval/runs?from=yesterday").then().statusCode(400).body("errors.field", hasItem("from"));
        given().get("/eval/runs/not-a-run").then().statusCode(404);
        given().get("/eval/runs/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/eval/runs/compare?base=x&candidate=y").then().statusCode(400);
        Map<String, Object> empty = given().get("/eval/runs").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(empty).containsKey("items");
    }
}
