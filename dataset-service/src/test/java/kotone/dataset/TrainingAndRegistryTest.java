package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kotone.core.metrics.AbsoluteErrors;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.ModelCodec;
import kotone.core.vector.MusicVector;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class TrainingAndRegistryTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
    }

    private String dataset(int pairs, long seed) {
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":" + pairs + ",\"seed\":" + seed + "}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201);
        return given().contentType("application/json").body("{\"seed\":" + seed + "}").post("/datasets").then().extract().path("id");
    }

    private JsonPath train(String datasetId) {
        String jobId = given().contentType("application/json").body("{\"datasetId\":\"" + datasetId + "\",\"methods\":[\"stacked\"]}")
                .post("/training-jobs").then().statusCode(202).body("status", is("queued")).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = given().get("/training-jobs/" + jobId).then().extract().path("status");
            assertThat(status).isNotEqualTo("failed");
            return status.equals("completed");
        });
        return given().get("/training-jobs/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTrainingJobRegistersAModelWhoseTestMaeMatchesARecomputation() {
        String datasetId = dataset(200, 31);
        JsonPath job = train(datasetId);
        int version = job.getInt("modelVersion");
        JsonPath model = given().get("/models/" + version).then().statusCode(200)
                .body("datasetId", is(datasetId)).body("method", is("stacked")).body("promoted", is(false)).extract().jsonPath();
        double reported = model.getDouble("metrics.test.vectorMae");

        byte[] weights = given().get("/models/" + version + "/weights").then().statusCode(200).extract().asByteArray();
        LocalModel local = new ModelCodec().decode(weights);
        Featurizer featurizer = new Featurizer(local.spec(), null, new kotone.core.interpret.RuleInterpreter());
        List<Map<String, Object>> rows = given().get("/datasets/" + datasetId + "/rows?split=test&limit=10000").then()
                .extract().jsonPath().getList("items");
        AbsoluteErrors errors = new AbsoluteErrors();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> vector = (Map<String, Integer>) row.get("vector");
            MusicVector target = MusicVector.of(vector.values().stream().mapToInt(Integer::intValue).toArray());
            errors.add(local.predict(featurizer.features((String) row.get("text"))).vector(), target);
        }
        assertThat(errors.count()).isEqualTo(model.getInt("metrics.test.rows"));
        assertThat(errors.mean()).isCloseTo(reported, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(reported).isLessThan(model.getDouble("metrics.test.constantBaselineMae"));
        assertThat(model.getLong("trainingMs")).isPositive();
        assertThat(model.getList("metrics.candidates")).hasSize(1);
    }

    @Test
    void promotionMovesTheSinglePromotedFlagAtomically() throws Exception {
        String datasetId = dataset(120, 32);
        int first = train(datasetId).getInt("modelVersion");
        int second = train(datasetId).getInt("modelVersion");
        given().get("/models/promoted").then().statusCode(404).contentType("application/problem+json");
        given().post("/models/" + first + "/promote").then().statusCode(200).body("model.promoted", is(true));
        given().get("/models/promoted").then().statusCode(200).body("version", is(first));

        // forced moves (an admin's, with a reason) race against each other; every one either moves the flag or finds
        // the version already promoted, and no reader ever sees two promoted versions or none
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int target = i % 2 == 0 ? first : second;
            results.add(pool.submit(() -> given().contentType("application/json").body("{\"force\":true,\"reason\":\"race\"}")
                    .post("/models/" + target + "/promote").then().extract().statusCode()));
            results.add(pool.submit(() -> promotedCount()));
        }
        int moved = 0;
        for (int i = 0; i < results.size(); i += 2) {
            assertThat(results.get(i).get()).isIn(200, 409);
            moved += results.get(i).get() == 200 ? 1 : 0;
            assertThat(results.get(i + 1).get()).as("promoted versions seen by a concurrent reader").isEqualTo(1);
        }
        pool.shutdown();
        assertThat(promotedCount()).isEqualTo(1);
        assertThat(moved).isPositive();
        // every move is in the history: the first promotion and each forced one
        given().get("/models/history?limit=500").then().statusCode(200).body("items.size()", is(moved + 1));
        given().post("/models/999999/promote").then().statusCode(404);
        given().get("/models").then().statusCode(200).body("items.size()", is(2));
    }

    @Test
    void badTrainingRequestsAreRefused() {
        given().contentType("application/json").body("{\"datasetId\":\"ds-none\"}").post("/training-jobs").then().statusCode(404)
                .body("errors[0].field", is("datasetId"));
        given().contentType("application/json").body("{\"datasetId\":\"x\",\"methods\":[\"magic\"]}").post("/training-jobs")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/training-jobs/not-a-uuid").then().statusCode(404);
    }

    private int promotedCount() throws Exception {
        try (var connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("select count(*) from dataset.model_version where promoted")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private java.util.UUID jobOfAnotherInstance(String datasetId, String instance, String heartbeat) throws Exception {
        java.util.UUID id = java.util.UUID.randomUUID();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("insert into dataset.training_job (id, dataset_id, status, settings, claimed_by, heartbeat_at, "
                    + "attempts, started_at) values ('" + id + "', '" + datasetId + "', 'running', '{\"methods\":[\"ngram\"],\"hashBits\":9,"
                    + "\"seed\":7,\"promote\":false}', '" + instance + "', " + heartbeat + ", 1, now())");
        }
        return id;
    }

    @Test
    void aJobWhoseInstanceStoppedReportingIsTakenOverAndFinishedWhileASiblingsLiveJobIsLeftAlone() throws Exception {
        String datasetId = dataset(120, 41);
        java.util.UUID alive = jobOfAnotherInstance(datasetId, "dataset-alive", "now() + interval '1 hour'");
        java.util.UUID abandoned = jobOfAnotherInstance(datasetId, "dataset-dead", "now() - interval '1 hour'");
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(given().get("/training-jobs/" + abandoned).then().extract().path("status")));
        JsonPath taken = given().get("/training-jobs/" + abandoned).then().extract().jsonPath();
        assertThat(taken.getInt("attempts")).isEqualTo(2);
        assertThat(taken.getString("owner")).startsWith("dataset-").isNotEqualTo("dataset-dead");
        assertThat(taken.getInt("modelVersion")).isPositive();
        // the sibling still reports: its job stays its own
        given().get("/training-jobs/" + alive).then().body("status", is("running")).body("owner", is("dataset-alive"));
    }
}
