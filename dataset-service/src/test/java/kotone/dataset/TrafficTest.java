package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kotone.dataset.traffic.TrafficStore;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class TrafficTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TrafficStore store;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
    }

    private static void send(String body, int stored) {
        given().contentType("application/json").body(body).post("/traffic/batches").then().statusCode(200).body("stored", is(stored));
    }

    @Test
    void storesABatchOnceAndListsItNewestFirst() {
        String first = LiveTraffic.traceId();
        String second = LiveTraffic.traceId();
        String batch = LiveTraffic.batch(LiveTraffic.record(first, Instant.now(), "calm piano for a rainy night", "en", 30, 40),
                LiveTraffic.record(second, Instant.now(), "雨の夜に静かなピアノ", "ja", 25, 35));
        send(batch, 2);
        send(batch, 0); // a batch sent again (the interpreter retried) adds nothing

        JsonPath page = given().get("/traffic?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(2);
        assertThat(page.getString("items[0].traceId")).isEqualTo(second);
        assertThat(page.getString("items[0].text")).isEqualTo("雨の夜に静かなピアノ");
        assertThat(page.getInt("items[0].readings.rule_baseline.energy")).isEqualTo(25);
        assertThat(page.getInt("items[0].served.energy")).isEqualTo(35);
        assertThat(page.getDouble("items[0].coverage")).isEqualTo(0.8);

        given().get("/traffic/summary").then().statusCode(200)
                .body("requests", is(2)).body("byLanguage.en", is(1)).body("byLanguage.ja", is(1))
                .body("bySource.local_model", is(2)).body("byMode.auto", is(2)).body("labelled", is(0)).body("retentionDays", is(30));
    }

    @Test
    void aBadRecordIsRefusedNamingItsFieldAndNothingOfTheBatchIsStored() {
        String good = LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "calm piano", "en", 30, 40);
        String badTrace = LiveTraffic.record("not-a-trace", Instant.now(), "calm piano", "en", 30, 40);
        given().contentType("application/json").body(LiveTraffic.batch(good, badTrace)).post("/traffic/batches").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("traceId"));
        String outOfRange = LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "calm piano", "en", 30, 40).replace("\"energy\":40", "\"energy\":140");
        given().contentType("application/json").body(LiveTraffic.batch(outOfRange)).post("/traffic/batches").then().statusCode(400);
        given().get("/traffic/summary").then().body("requests", is(0));
    }

    @Test
    void deletingByTraceIdRemovesTheRequestAndAnswersWhatWentWith() {
        String trace = LiveTraffic.traceId();
        send(LiveTraffic.batch(LiveTraffic.record(trace, Instant.now(), "calm piano", "en", 30, 40)), 1);
        given().delete("/traffic/" + trace).then().statusCode(200).body("liveRequests", is(1)).body("labels", is(0)).body("pairs", is(0));
        given().delete("/traffic/" + trace).then().statusCode(404).contentType("application/problem+json");
        given().delete("/traffic/NOT-A-TRACE").then().statusCode(400).body(containsString("traceId"));
        given().get("/traffic/summary").then().body("requests", is(0));
    }

    @Test
    void requestsOlderThanTheRetentionAreDeleted() {
        String old = LiveTraffic.traceId();
        String recent = LiveTraffic.traceId();
        send(LiveTraffic.batch(LiveTraffic.record(old, Instant.now().minus(Duration.ofDays(31)), "an old request", "en", 30, 40),
                LiveTraffic.record(recent, Instant.now().minus(Duration.ofDays(29)), "a recent request", "en", 30, 40)), 2);
        assertThat(store.deleteServedBefore(Instant.now().minus(Duration.ofDays(30)))).isEqualTo(1);
        given().get("/traffic").then().body("items.traceId", hasItem(recent)).body("total", is(1));
    }

    @Test
    void driftComparesLiveTrafficWithTheTrainingDataAndAStoredDriftedCheckIsAnAlert() {
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":300,\"seed\":21}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201);
        String datasetId = given().contentType("application/json").body("{\"seed\":1}").post("/datasets").then().statusCode(201)
                .extract().path("id");

        // too little traffic decides nothing
        send(LiveTraffic.batch(LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "calm piano", "en", 30, 40)), 1);
        given().get("/traffic/drift").then().statusCode(200).body("datasetId", is(datasetId)).body("report.alerts.size()", is(0))
                .body("id", nullValue());

        // then 300 Japanese festival requests, all served at energy 95: every measure moves
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(LiveTraffic.record(LiveTraffic.traceId(), Instant.now(), "祭りで踊れる派手な曲 " + i, "ja", 90, 95));
        }
        send(LiveTraffic.batch(records.toArray(String[]::new)), 300);
        JsonPath drift = given().get("/traffic/drift").then().statusCode(200).extract().jsonPath();
        assertThat(drift.getLong("report.liveRequests")).isEqualTo(301);
        assertThat(drift.getLong("report.trainingRows")).isGreaterThan(100);
        assertThat(drift.getDouble("report.languages.shift")).isGreaterThan(0.5);
        assertThat(drift.getDouble("report.dimensions[0].effectSize")).isGreaterThan(1.0);
        assertThat(drift.getList("report.alerts", String.class)).anyMatch(alert -> alert.startsWith("served energy moved up"));
        given().get("/traffic/drift/checks").then().body("items.size()", is(0)); // measuring on demand stores nothing

        given().post("/traffic/drift/checks").then().statusCode(200).body("id", is(org.hamcrest.Matchers.notNullValue()));
        given().get("/traffic/drift/checks").then().statusCode(200).body("items.size()", is(1)).body("drifted", is(1))
                .body("items[0].report.alerts.size()", org.hamcrest.Matchers.greaterThan(0));
        given().get("/traffic/drift?days=0").then().statusCode(400);
    }
}
