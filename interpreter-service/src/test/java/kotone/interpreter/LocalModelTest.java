package kotone.interpreter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DatasetStub.class)
class LocalModelTest {

    @DatasetStub.Server
    WireMockServer registry;

    @AfterEach
    void noModelAgain() {
        DatasetStub.noModel(registry);
    }

    private void promote(int version, long seed) throws Exception {
        DatasetStub.publish(registry, version, DatasetStub.trainedModel(seed));
        given().post("/models/reload").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(version).equals(given().get("/models/active").then().extract().path("version")));
    }

    private static JsonPath interpret(String body) {
        return given().contentType("application/json").body(body).post("/interpret").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void servesThePromotedModelInLocalAndAutoModes() throws Exception {
        promote(1, 11);
        JsonPath local = interpret("{\"requestText\":\"Could you write very calm, warm and nostalgic music for a quiet library?\",\"mode\":\"local\"}");
        assertThat(local.getString("meta.modelSource")).isEqualTo("local_model");
        assertThat(local.getString("meta.modelVersion")).isEqualTo("v1");
        assertThat(local.getInt("hiddenParams.vector.energy")).isLessThan(50);
        JsonPath auto = interpret("{\"requestText\":\"I'd like something calm, warm and nostalgic for a night at the inn.\"}");
        // auto serves the model with its combination: the local model, and the rules where its fit gave them a share
        assertThat(auto.getString("meta.modelVersion")).isEqualTo("v1");
        assertThat(auto.getMap("meta.sources")).containsKey("local_model");
        assertThat(auto.getString("meta.fallbackReason")).isNull();
        assertThat(auto.getInt("hiddenParams.vector.energy")).isLessThan(45);
        assertThat(auto.getInt("hiddenParams.vector.warmth")).isGreaterThan(55);
    }

    @Test
    void autoGivesTheRulesTheirShareWhereTheModelHasNoEvidence() throws Exception {
        promote(2, 12);
        // a Japanese request to a model trained on English: its fitted combination leans on the rules where they spoke
        JsonPath japanese = interpret("{\"requestText\":\"静かで温かい、懐かしい曲をお願いします\"}");
        assertThat(japanese.getMap("meta.sources")).containsKeys("local_model", "rule_baseline");
        assertThat(japanese.getList("rationale", String.class)).anyMatch(line -> line.startsWith("combined:"));
        assertThat(japanese.getInt("hiddenParams.vector.warmth")).isGreaterThan(60);
        assertThat(japanese.getInt("hiddenParams.vector.energy")).isLessThan(40);
        assertThat(japanese.getInt("hiddenParams.vector.nostalgia")).isGreaterThan(60);
    }

    @Test
    void aPromotionUnderLoadFailsNoRequest() throws Exception {
        promote(3, 13);
        byte[] next = DatasetStub.trainedModel(14);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    JsonPath answer = given().contentType("application/json")
                            .body("{\"requestText\":\"something lively and bright for the festival\",\"mode\":\"local\"}")
                            .post("/interpret").then().statusCode(200).extract().jsonPath();
                    answered.add(answer.getString("meta.modelVersion"));
                }
                return null;
            }));
        }
        // the swap happens while requests are in flight, and every one of them is answered by a whole model
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> answered.size() >= 20);
        DatasetStub.publish(registry, 4, next);
        given().post("/models/reload").then().statusCode(200).body("version", is(4));
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> answered.stream().filter("v4"::equals).count() >= 20);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        List<String> seen = List.copyOf(answered);
        assertThat(seen).isNotEmpty().allMatch(version -> version.equals("v3") || version.equals("v4"));
        assertThat(seen).contains("v3", "v4");
    }

    @Test
    void aCandidateVersionCanBeEvaluatedWithoutPromotingIt() throws Exception {
        promote(7, 17);
        DatasetStub.register(registry, 8, DatasetStub.trainedModel(18));
        given().contentType("application/json").body("{\"requestText\":\"calm warm music\",\"mode\":\"local\",\"modelVersion\":8}")
                .post("/interpret").then().statusCode(200).body("meta.modelVersion", is("v8"));
        given().get("/models/active").then().body("version", is(7));
        given().contentType("application/json").body("{\"requestText\":\"calm warm music\",\"mode\":\"local\",\"modelVersion\":99}")
                .post("/interpret").then().statusCode(422);
        // auto, what players get, can be judged with a candidate too
        given().contentType("application/json").body("{\"requestText\":\"Could you write calm, warm music for a night at the inn?\","
                + "\"modelVersion\":8}").post("/interpret").then().statusCode(200).body("meta.modelVersion", is("v8"));
        given().contentType("application/json").body("{\"requestText\":\"calm warm music\",\"modelVersion\":99}").post("/interpret").then()
                .statusCode(422).body("errors[0].field", is("modelVersion"));
    }

    @Test
    void theModesSayWhatThisInterpreterCanServe() throws Exception {
        promote(9, 19);
        given().get("/interpret/modes").then().statusCode(200)
                .body("evalModes.find { it.mode == 'rule_baseline' }.available", is(true))
                .body("evalModes.find { it.mode == 'fine_tuned' }.available", is(false))
                .body("evalModes.find { it.mode == 'fine_tuned' }.why", org.hamcrest.Matchers.containsString("fine-tuned-model"))
                .body("evalModes.find { it.mode == 'auto' }.available", is(true));
        given().get("/interpret/modes").then().body("modes.find { it.mode == 'local' }.available", is(true))
                .body("evalModes.find { it.mode == 'local_model' }.why", org.hamcrest.Matchers.containsString("v9"));
    }

    @Test
    void corruptWeightsAreNeverServed() throws Exception {
        promote(5, 15);
        DatasetStub.publish(registry, 6, new byte[] {1, 2, 3});
        given().post("/models/reload").then().statusCode(503);
        given().get("/models/active").then().statusCode(200).body("version", is(5));
    }
}
