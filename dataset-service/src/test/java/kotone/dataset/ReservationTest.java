package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kotone.core.behaviour.BehaviouralSuite;
import kotone.core.text.TextKey;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Texts that an eval set reserves never become training rows: the behavioural suite stays out of every training path. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ReservationTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
    }

    private static void reserve(String setId, List<String> texts) {
        StringBuilder keys = new StringBuilder();
        for (String text : texts) {
            keys.append(keys.isEmpty() ? "" : ",").append('"').append(TextKey.of(text)).append('"');
        }
        given().contentType("application/json").body("{\"textKeys\":[" + keys + "]}").put("/datasets/reserved-texts/" + setId).then()
                .statusCode(200).body("keys", is(texts.size()));
    }

    /** A teacher pair with a request text and a rule prompt, in the teacher_pairs.v1 format. */
    private static String pair(String id, String requestText) {
        return "{\"id\":\"" + id + "\",\"request_text\":" + kotone.testsupport.LlmStub.quote(requestText) + ",\"rule_prompt\":"
                + kotone.testsupport.LlmStub.quote("Compose music for " + id + " with the selected Kotone parts") + ","
                + "\"target_hidden_params\":{\"vector\":{\"energy\":30,\"warmth\":60,\"brightness\":50,\"acousticness\":70,\"complexity\":40,"
                + "\"nostalgia\":55}}}";
    }

    @Test
    void noTrainingRowSharesANormalisedTextWithTheBehaviouralSuite() {
        List<String> suite = BehaviouralSuite.GUARD.requestTexts();
        reserve("es-0000000000000001", suite);
        // teacher pairs that copy suite texts, some in another width, case or spacing, beside pairs of their own
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = suite.get(i * 5);
            String variant = switch (i % 3) {
                case 0 -> text;
                case 1 -> text.toUpperCase(Locale.ROOT);
                default -> "  " + text.replace(" ", "   ") + " ";
            };
            lines.add(pair("copy-" + i, variant));
            lines.add(pair("own-" + i, "an honest request of our own, number " + i + " for the harbour cafe"));
        }
        given().contentType("application/x-ndjson").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).post("/datasets/teacher-pairs")
                .then().statusCode(201);
        String datasetId = given().contentType("application/json").body("{\"seed\":3}").post("/datasets").then().statusCode(201)
                .body("filterReport.droppedByRule.reserved_for_eval", is(80)).extract().path("id");

        Set<String> reserved = new HashSet<>();
        suite.forEach(text -> reserved.add(TextKey.of(text)));
        List<String> texts = new ArrayList<>();
        for (String split : List.of("train", "valid", "test")) {
            texts.addAll(given().get("/datasets/" + datasetId + "/rows?split=" + split + "&limit=10000").then().statusCode(200)
                    .extract().jsonPath().getList("items.text", String.class));
        }
        assertThat(texts).isNotEmpty().noneMatch(text -> reserved.contains(TextKey.of(text)));
        // a reserved pair is left out whole: its rule prompt does not carry the same label into training alone
        assertThat(texts).noneMatch(text -> text.startsWith("Compose music for copy-"));
    }

    @Test
    void aHardCaseReplayedFromATargetStaysForThatTargetOnly() {
        reserve("es-000000000000000a", List.of("the hard case of the target"));
        reserve("es-000000000000000b", List.of("a text another set reserves"));
        given().contentType("application/json").body("""
                {"generator": "replay", "lineage": {"cycle": 1, "evalSetId": "es-000000000000000a"}, "replay": [
                  {"requestText": "the hard case of the target", "vector": {"energy": 20, "warmth": 60, "brightness": 40, "acousticness": 70,
                   "complexity": 30, "nostalgia": 80}},
                  {"requestText": "a text another set reserves", "vector": {"energy": 20, "warmth": 60, "brightness": 40, "acousticness": 70,
                   "complexity": 30, "nostalgia": 80}}]}""").post("/datasets/teacher-pairs/generate").then().statusCode(201);
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":40,\"seed\":9}").post("/datasets/teacher-pairs/generate")
                .then().statusCode(201);
        String datasetId = given().contentType("application/json").body("{\"seed\":9}").post("/datasets").then().statusCode(201)
                .body("filterReport.droppedByRule.reserved_for_eval", is(1)).extract().path("id");
        List<String> texts = new ArrayList<>();
        for (String split : List.of("train", "valid", "test")) {
            texts.addAll(given().get("/datasets/" + datasetId + "/rows?split=" + split + "&limit=10000").then().extract().jsonPath()
                    .getList("items.text", String.class));
        }
        assertThat(texts).contains("the hard case of the target").doesNotContain("a text another set reserves");
        given().get("/datasets/reserved-texts").then().statusCode(200).body("keysByEvalSet.es-000000000000000a", is(1));
    }

    @Test
    void badReservationsAreRefusedNamingTheField() {
        given().contentType("application/json").body("{\"textKeys\":[\"not-a-key\"]}").put("/datasets/reserved-texts/es-0000000000000001")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"textKeys\":[]}").put("/datasets/reserved-texts/not-a-set").then().statusCode(400);
        given().contentType("application/json").body("{}").put("/datasets/reserved-texts/es-0000000000000001").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("textKeys")));
        given().get("/datasets/reserved-texts").then().body("keysByEvalSet.size()", is(0));
    }
}
