package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import kotone.common.http.Caller;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class AnnotationTest {

    private static final String ALICE = "analyst:aaaaaaaaaaaa";
    private static final String BOB = "analyst:bbbbbbbbbbbb";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
    }

    private static void send(String... records) {
        given().contentType("application/json").body(LiveTraffic.batch(records)).post("/traffic/batches").then().statusCode(200);
    }

    private static JsonPath queue(String caller, int limit) {
        return given().header(Caller.HEADER, caller).get("/annotations/queue?limit=" + limit).then().statusCode(200).extract().jsonPath();
    }

    private static long idOf(String traceId) {
        return given().get("/traffic?limit=500").then().extract().jsonPath()
                .getLong("items.find { it.traceId == '" + traceId + "' }.id");
    }

    private static String label(int energy, int warmth) {
        return "{\"vector\":" + LiveTraffic.vector(energy, warmth) + ",\"tags\":[\"calm\"]}";
    }

    @Test
    void theQueuePutsDisagreementFirstAndLeavesOutNearDuplicates() {
        send(LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "calm piano for a rainy night", "en", 40, 42),
                LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "something to dance to at the harbour festival", "en", 20, 90),
                LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "Something to dance to at the harbour festival!", "en", 20, 88),
                LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "雨の日に聴きたい静かな曲", "ja", 30, 60));
        JsonPath queue = queue(ALICE, 10);
        assertThat(queue.getInt("considered")).isEqualTo(4);
        assertThat(queue.getList("items.text", String.class)).hasSize(3);
        assertThat(queue.getString("items[0].text")).containsIgnoringCase("dance to at the harbour festival");
        assertThat(queue.getString("items[1].language")).isEqualTo("ja");
        assertThat(queue.getDouble("items[0].disagreement")).isGreaterThan(11.0);
        assertThat(queue.getMap("items[0].readings")).containsKeys("rule_baseline", "local_model");
        given().get("/annotations/queue?limit=0").then().statusCode(400);
    }

    @Test
    void aLabelBecomesAHumanTeacherPairWithTheAnnotatorsKeyAndTheLiveTrace() throws Exception {
        String trace = LiveTraffic.traceId();
        send(LiveTraffic.record(trace, Instant.now(), "calm piano for a rainy night", "en", 30, 60));
        long item = idOf(trace);
        JsonPath receipt = given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(20, 70))
                .post("/annotations/" + item + "/labels").then().statusCode(201).extract().jsonPath();
        assertThat(receipt.getString("annotator")).isEqualTo("aaaaaaaaaaaa");
        assertThat(receipt.getDouble("differenceFromSources.rule_baseline")).isEqualTo(5.0); // (10 + 20) / 6
        long pairId = receipt.getLong("pairId");
        try (Connection connection = dataSource.getConnection(); ResultSet row = connection.createStatement().executeQuery(
                "select source, teacher_model, request_text, energy, lineage->>'traceId' from dataset.teacher_pair where id = " + pairId)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("human");
            assertThat(row.getString(2)).isEqualTo("aaaaaaaaaaaa");
            assertThat(row.getString(3)).isEqualTo("calm piano for a rainy night");
            assertThat(row.getInt(4)).isEqualTo(20);
            assertThat(row.getString(5)).isEqualTo(trace);
        }
        // the labelled item has left the queue (one label per item by default)
        assertThat(queue(BOB, 10).getList("items")).isEmpty();
        given().get("/traffic/summary").then().body("labelled", is(1)).body("labels", is(1));
    }

    @Test
    void badLabelsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        String trace = LiveTraffic.traceId();
        send(LiveTraffic.record(trace, Instant.now(), "calm piano for a rainy night", "en", 30, 60));
        long item = idOf(trace);
        given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(101, 50)).post("/annotations/" + item + "/labels")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("energy"));
        given().header(Caller.HEADER, ALICE).contentType("application/json").body("{\"vector\":{\"energy\":20}}")
                .post("/annotations/" + item + "/labels").then().statusCode(400).body(containsString("warmth"));
        given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(20, 50)).post("/annotations/999999999/labels")
                .then().statusCode(404).body(containsString("itemId"));
        given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(20, 50)).post("/annotations/abc/labels")
                .then().statusCode(400).body(containsString("itemId"));
        assertThat(DatasetTables.count(dataSource, "annotation_label")).isZero();
        assertThat(DatasetTables.count(dataSource, "teacher_pair")).isZero();

        given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(20, 50)).post("/annotations/" + item + "/labels")
                .then().statusCode(201);
        given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(25, 50)).post("/annotations/" + item + "/labels")
                .then().statusCode(409).body(containsString("itemId"));
        assertThat(DatasetTables.count(dataSource, "annotation_label")).isEqualTo(1);
        assertThat(DatasetTables.count(dataSource, "teacher_pair")).isEqualTo(1);
    }

    @Test
    void twoAnnotatorsOnOneItemGiveTheirAgreement() {
        String first = LiveTraffic.traceId();
        String second = LiveTraffic.traceId();
        send(LiveTraffic.record(first, Instant.now(), "calm piano for a rainy night", "en", 30, 60),
                LiveTraffic.record(second, Instant.now(), "loud drums for the festival", "en", 80, 60));
        for (String[] labelBy : List.of(new String[] {ALICE, first, "20"}, new String[] {BOB, first, "24"},
                new String[] {ALICE, second, "80"}, new String[] {BOB, second, "90"})) {
            given().header(Caller.HEADER, labelBy[0]).contentType("application/json").body(label(Integer.parseInt(labelBy[2]), 50))
                    .post("/annotations/" + idOf(labelBy[1]) + "/labels").then().statusCode(201);
        }
        JsonPath agreement = given().get("/annotations/agreement").then().statusCode(200).extract().jsonPath();
        assertThat(agreement.getLong("labels")).isEqualTo(4);
        assertThat(agreement.getLong("itemsWithSeveralLabels")).isEqualTo(2);
        assertThat(agreement.getString("dimensions[0].dimension")).isEqualTo("energy");
        assertThat(agreement.getDouble("dimensions[0].meanAbsoluteDifference")).isEqualTo(7.0);
        assertThat(agreement.getDouble("dimensions[0].alpha")).isGreaterThan(0.8);
    }

    @Test
    void aSkipLeavesOnlyThatQueueAndAFlagLeavesEvery() {
        String skipped = LiveTraffic.traceId();
        String flagged = LiveTraffic.traceId();
        send(LiveTraffic.record(skipped, Instant.now(), "calm piano for a rainy night", "en", 30, 60),
                LiveTraffic.record(flagged, Instant.now(), "my phone number is in this request", "en", 50, 50));
        given().header(Caller.HEADER, ALICE).contentType("application/json").body("{\"flag\":false}").post("/annotations/" + idOf(skipped) + "/skips")
                .then().statusCode(200).body("flagged", is(false));
        given().header(Caller.HEADER, ALICE).contentType("application/json").body("{\"flag\":true,\"reason\":\"personal data\"}")
                .post("/annotations/" + idOf(flagged) + "/skips").then().statusCode(200);
        assertThat(queue(ALICE, 10).getList("items")).isEmpty();
        assertThat(queue(BOB, 10).getList("items.text", String.class)).containsExactly("calm piano for a rainy night");
    }

    @Test
    void deletingALabelledRequestRemovesItsPairsAndTheirDatasetRows() throws Exception {
        String trace = LiveTraffic.traceId();
        send(LiveTraffic.record(trace, Instant.now(), "a gentle waltz for the old clock tower at dusk", "en", 30, 60));
        given().header(Caller.HEADER, ALICE).contentType("application/json").body(label(20, 70)).post("/annotations/" + idOf(trace) + "/labels")
                .then().statusCode(201);
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":60,\"seed\":5}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201);
        given().contentType("application/json").body("{\"seed\":1}").post("/datasets").then().statusCode(201);
        long humanRows = humanRows();
        assertThat(humanRows).as("the next dataset version takes the human pair").isEqualTo(1);

        given().delete("/traffic/" + trace).then().statusCode(200).body("labels", is(1)).body("pairs", is(1)).body("datasetRows", is(1));
        assertThat(humanRows()).isZero();
        assertThat(DatasetTables.count(dataSource, "annotation_label")).isZero();
    }

    private long humanRows() throws Exception {
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement().executeQuery(
                "select count(*) from dataset.dataset_row r join dataset.teacher_pair p on p.id = r.pair_id where p.source = 'human'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
