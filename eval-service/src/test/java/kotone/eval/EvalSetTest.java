package kotone.eval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class EvalSetTest {

    @Inject
    AgroalDataSource dataSource;

    @Upstreams.Server
    com.github.tomakehurst.wiremock.WireMockServer upstreams;

    @BeforeEach
    void clear() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
    }

    static String set(String... items) {
        return "{\"dataset_version\":\"fixture\",\"items\":[" + String.join(",", items) + "]}";
    }

    static String item(String text, int... v) {
        return "{\"source_type\":\"request_text\",\"request_text\":\"" + text + "\",\"target_hidden_params\":{\"vector\":{\"energy\":" + v[0]
                + ",\"warmth\":" + v[1] + ",\"brightness\":" + v[2] + ",\"acousticness\":" + v[3] + ",\"complexity\":" + v[4]
                + ",\"nostalgia\":" + v[5] + "}}}";
    }

    @Test
    void importsTheFrozenSetOnItsTenPointScaleOnce() throws Exception {
        byte[] frozen = Files.readAllBytes(Path.of(System.getProperty("kotone.shared.dir"), "data", "frozen_eval_set.v1.json"));
        String id = given().contentType("application/json").body(frozen).post("/eval/datasets").then().statusCode(201)
                .body("count", is(70)).body("sourceScale", is(10)).extract().path("id");
        given().contentType("application/json").body(frozen).post("/eval/datasets").then().statusCode(200).body("id", is(id));
        given().get("/eval/datasets/" + id).then().statusCode(200).body("count", is(70));
    }

    @Test
    void detectsTheScaleFromTheValuesWhenNothingIsDeclared() {
        String ten = given().contentType("application/json").body(set(item("calm", 2, 8, 4, 7, 3, 9))).post("/eval/datasets").then()
                .statusCode(201).body("sourceScale", is(10)).extract().path("id");
        // the same targets on the 100 scale are the same items, so the same set
        given().contentType("application/json").body(set(item("calm", 20, 80, 40, 70, 30, 90))).post("/eval/datasets").then()
                .statusCode(200).body("id", is(ten));
        given().contentType("application/json").body(set(item("bright", 20, 80, 40, 70, 30, 90))).post("/eval/datasets").then()
                .statusCode(201).body("sourceScale", is(100));
    }

    @Test
    void takesAnEvalSetFromADatasetSplit() {
        upstreams.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock
                        .urlEqualTo("/datasets/ds-abc/rows?split=test&limit=5000&offset=0"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[{\"rowNo\":4,\"text\":\"静かな曲\",\"sourceType\":\"request_text\",\"language\":\"ja\","
                                + "\"vector\":{\"energy\":20,\"warmth\":60,\"brightness\":50,\"acousticness\":70,\"complexity\":30,\"nostalgia\":55}}]}")));
        given().contentType("application/json").body("{\"datasetId\":\"ds-abc\",\"split\":\"test\"}")
                .post("/eval/datasets/from-dataset").then().statusCode(201).body("count", is(1)).body("origin", is("dataset:ds-abc/test"))
                .body("sourceScale", is(100));
        given().contentType("application/json").body("{\"datasetId\":\"ds-missing\",\"split\":\"test\"}")
                .post("/eval/datasets/from-dataset").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("datasetId"));
        given().contentType("application/json").body("{\"datasetId\":\"ds-abc\",\"split\":\"sideways\"}")
                .post("/eval/datasets/from-dataset").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("split"));
    }

    @Test
    void refusesSetsThatCannotBeEvaluated() {
        given().contentType("application/json").body(set(item("ok", 1, 2, 3, 4, 5, 6),
                        "{\"request_text\":\"no target\"}", "{\"request_text\":\"bad\",\"target_hidden_params\":{\"vector\":{\"energy\":\"high\","
                                + "\"warmth\":1,\"brightness\":1,\"acousticness\":1,\"complexity\":1,\"nostalgia\":1}}}"))
                .post("/eval/datasets").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("items[1]"))
                .body("errors.field", hasItem("items[2].target_hidden_params.vector.energy"));
        given().contentType("application/json").body(set()).post("/eval/datasets").then().statusCode(422);
        given().contentType("application/json").body("[1,2]").post("/eval/datasets").then().statusCode(400);
        given().contentType("application/json").body(set(item("too high", 200, 1, 1, 1, 1, 1))).post("/eval/datasets").then().statusCode(422)
                .body("errors.field", hasItem("items[0].target_hidden_params.vector.energy"));
        given().contentType("application/json").body("{\"target_scale\":10,\"items\":[" + item("too high", 20, 1, 1, 1, 1, 1) + "]}")
                .post("/eval/datasets").then().statusCode(422);
        given().get("/eval/datasets/es-nope").then().statusCode(404);
    }
}
