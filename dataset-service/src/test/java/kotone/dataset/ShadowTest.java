package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kotone.common.http.Caller;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class ShadowTest {

    @Inject
    AgroalDataSource dataSource;

    private int champion;
    private int candidate;

    @BeforeEach
    void twoVersions() throws Exception {
        DatasetTables.clear(dataSource);
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":80,\"seed\":5}").post("/datasets/teacher-pairs/generate")
                .then().statusCode(201);
        String datasetId = given().contentType("application/json").body("{\"seed\":5}").post("/datasets").then().extract().path("id");
        champion = train(datasetId, true);
        candidate = train(datasetId, false);
    }

    private static int train(String datasetId, boolean promote) {
        String jobId = given().contentType("application/json").body("{\"datasetId\":\"" + datasetId + "\",\"methods\":[\"ngram\"],\"promote\":" + promote + "}")
                .post("/training-jobs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(given().get("/training-jobs/" + jobId).then().extract().path("status")));
        return given().get("/training-jobs/" + jobId).then().extract().path("modelVersion");
    }

    @Test
    void oneCandidateIsShadowedAtATimeAndNeverTheChampion() {
        given().get("/models/shadow").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").header(Caller.HEADER, "admin:0123456789ab").body("{\"version\":" + candidate + "}")
                .put("/models/shadow").then().statusCode(200).body("version", is(candidate)).body("setBy", is("admin:0123456789ab"));
        given().get("/models/shadow").then().statusCode(200).body("version", is(candidate));
        given().contentType("application/json").body("{\"version\":" + champion + "}").put("/models/shadow").then().statusCode(422)
                .body("errors.field", hasItem("version"));
        given().contentType("application/json").body("{\"version\":999}").put("/models/shadow").then().statusCode(422)
                .body("errors.field", hasItem("version"));
        given().contentType("application/json").body("{\"version\":\"two\"}").put("/models/shadow").then().statusCode(400);
        given().get("/models/shadow").then().body("version", is(candidate)); // the refused ones changed nothing
        given().delete("/models/shadow").then().statusCode(204);
        given().get("/models/shadow").then().statusCode(404);
    }

    @Test
    void theLiveEvidenceSetsTheCandidatesReadingsBesideWhatWasServed() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // rules read energy 85 (clear); served 70 meets the expectation; the candidate's 52 misses it on every other request
            records.add(LiveTraffic.shadowed(LiveTraffic.traceId(), 85, 70, candidate, i % 2 == 0 ? 52 : 72));
        }
        records.add(LiveTraffic.record(LiveTraffic.traceId(), java.time.Instant.now(), "not shadowed", "en", 85, 70));
        given().contentType("application/json").body(LiveTraffic.batch(records.toArray(String[]::new))).post("/traffic/batches")
                .then().statusCode(200).body("stored", is(31));
        JsonPath evidence = given().get("/traffic/shadow/" + candidate).then().statusCode(200).extract().jsonPath();
        assertThat(evidence.getInt("evidence.requests")).isEqualTo(30);
        assertThat(evidence.getDouble("evidence.expectations.champion")).isEqualTo(1.0);
        assertThat(evidence.getDouble("evidence.expectations.candidate")).isEqualTo(0.5);
        assertThat(evidence.getDouble("evidence.expectations.ci95.high")).isLessThan(0);
        assertThat(evidence.getString("evidence.differences[0].dimension")).isEqualTo("energy");
        assertThat(evidence.getDouble("evidence.differences[0].mean")).isEqualTo(-8.0);
        assertThat(evidence.getDouble("evidence.candidateLatencyMs.p95")).isEqualTo(0.3);
        given().get("/traffic?limit=50").then().body("items.shadow.version", hasItem(candidate));
        given().get("/traffic/shadow/" + (candidate + 100)).then().statusCode(200).body("evidence.requests", is(0));
        given().get("/traffic/shadow/abc").then().statusCode(400);
    }
}
