package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.core.llm.AnswerParser;
import kotone.core.llm.ParsedAnswer;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class DatasetVersionTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
    }

    static String line(String id, String requestText, int energy) {
        return "{\"id\":\"" + id + "\",\"request_text\":" + LlmStub.quote(requestText) + ",\"target_hidden_params\":{\"vector\":"
                + "{\"energy\":" + energy + ",\"warmth\":50,\"brightness\":50,\"acousticness\":50,\"complexity\":50,\"nostalgia\":50}}}";
    }

    @Test
    void theFilterReportsWhatEachRuleDropped() {
        String body = String.join("\n",
                line("a", "A calm little tune for the quiet library", 20),
                line("b", "A calm little tune for the quiet library", 20).replace("{\"id\"", "{\"weather\":\"rainy\",\"id\""),
                line("c", "A calm little tune for the quiet library!", 21),
                line("d", "Set energy: 20 and make it calm", 20),
                line("e", "tiny", 20),
                line("f", "Спокойная музыка для библиотеки", 20),
                line("g", "Something lively and bright for the festival", 80),
                line("h", "A calm little tune for the quiet library", 80));
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/datasets/teacher-pairs")
                .then().statusCode(201).body("imported", is(8));
        given().contentType("application/json").body("{\"seed\":1}").post("/datasets").then().statusCode(201)
                .body("filterReport.considered", is(8))
                .body("filterReport.kept", is(3))
                .body("filterReport.droppedByRule.exact_duplicate", is(1))
                .body("filterReport.droppedByRule.near_duplicate", is(1))
                .body("filterReport.droppedByRule.numeric_leak", is(1))
                .body("filterReport.droppedByRule.length", is(1))
                .body("filterReport.droppedByRule.language", is(1))
                .body("filterReport.droppedByRule.missing_label", is(0));
    }

    @Test
    void splitsAreGroupedByPairAndReproducible() {
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":300,\"seed\":21}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201);
        JsonPath first = given().contentType("application/json").body("{\"seed\":3}").post("/datasets").then().statusCode(201)
                .body("stats.train.bySourceType.rule_prompt", is(210)).extract().jsonPath();
        String id = first.getString("id");
        given().contentType("application/json").body("{\"seed\":3}").post("/datasets").then().statusCode(200).body("id", is(id));
        String other = given().contentType("application/json").body("{\"seed\":4}").post("/datasets").then().statusCode(201)
                .extract().path("id");
        assertThat(other).isNotEqualTo(id);

        List<Map<String, Object>> rows = given().get("/datasets/" + id + "/rows?limit=10000").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(rows).hasSize(600);
        Map<Object, Object> splitOfPair = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Object previous = splitOfPair.putIfAbsent(row.get("pairId"), row.get("split"));
            assertThat(previous == null || previous.equals(row.get("split"))).as("pair %s crosses splits", row.get("pairId")).isTrue();
        }
        assertThat(first.getInt("pairCount")).isEqualTo(300);
        assertThat(first.getMap("stats.test.labels.energy")).containsKeys("mean", "std");
        assertThat(first.getMap("stats.train.byLanguage")).containsKeys("en", "ja");
        given().get("/datasets/ds-unknown").then().statusCode(404).contentType("application/problem+json");
        given().get("/datasets/" + id + "/rows?split=sideways").then().statusCode(400);
    }

    @Test
    void exportsParseBackToTheirRows() throws Exception {
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":60,\"seed\":8}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201);
        String id = given().contentType("application/json").body("{}").post("/datasets").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> rows = given().get("/datasets/" + id + "/rows?split=train&limit=10000").then().extract().jsonPath().getList("items");
        ObjectMapper json = new ObjectMapper();
        AnswerParser parser = new AnswerParser(json);

        String chat = given().get("/datasets/" + id + "/export?format=chat&scale=100&split=train").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        List<String> lines = chat.lines().toList();
        assertThat(lines).hasSize(rows.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode messages = json.readTree(lines.get(i)).get("messages");
            assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
            assertThat(messages.get(1).get("content").asText()).endsWith((String) rows.get(i).get("text"));
            ParsedAnswer answer = parser.parse(messages.get(2).get("content").asText());
            assertThat(answer.vector().asMap()).isEqualTo(rows.get(i).get("vector"));
        }

        String tenScale = given().get("/datasets/" + id + "/export?format=prompt-completion&scale=10&split=train").then().statusCode(200)
                .extract().asString();
        JsonNode first = json.readTree(tenScale.lines().findFirst().orElseThrow());
        assertThat(first.get("prompt").asText()).contains((String) rows.get(0).get("text"));
        JsonNode vector = json.readTree(first.get("completion").asText()).get("vector");
        @SuppressWarnings("unchecked")
        Map<String, Integer> expected = (Map<String, Integer>) rows.get(0).get("vector");
        expected.forEach((dimension, value) -> assertThat(vector.get(dimension).asDouble()).isEqualTo(value / 10.0));

        given().get("/datasets/" + id + "/export?format=csv").then().statusCode(400);
        given().get("/datasets/" + id + "/export?scale=7").then().statusCode(400);
    }
}
