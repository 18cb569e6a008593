package kotone.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import kotone.testsupport.LlmStub;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(LlmStub.class)
class PairImportTest {

    static final String GOOD = """
            {"id":"g1","request_text":"A calm and warm tune for the bakery","rule_prompt":"Selected Kotone combination:\\n- style: (style_80s_citypop)","weather":"sunny","selected_parts_by_slot":{"style":"style_80s_citypop"},"target_hidden_params":{"vector":{"energy":30,"warmth":85,"brightness":40,"acousticness":70,"complexity":25,"nostalgia":90},"tags":["cozy"]},"meta":{"teacher_model":"m","generation_source":"test","seed":1}}""";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        DatasetTables.clear(dataSource);
    }

    @Test
    void importsTheSharedTeacherPairsOnceAndKeepsProvenance() throws Exception {
        byte[] file = Files.readAllBytes(Path.of(System.getProperty("kotone.shared.dir"), "data", "teacher_pairs.v1.jsonl"));
        given().contentType("application/x-ndjson").body(file).post("/datasets/teacher-pairs")
                .then().statusCode(201).body("lines", is(415)).body("imported", is(415)).body("rejected", is(0));
        given().contentType("application/x-ndjson").body(file).post("/datasets/teacher-pairs")
                .then().statusCode(201).body("imported", is(0)).body("duplicates", is(415));
        assertThat(DatasetTables.count(dataSource, "teacher_pair")).isEqualTo(415);
        given().get("/datasets/teacher-pairs").then().statusCode(200).body("bySource.import", is(415));
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(
                "select generator, teacher_model, seed from dataset.teacher_pair where external_id = 'teacher_000001'")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("mistral_large3_rule_prompt_infer");
            assertThat(rows.getString(2)).isEqualTo("mistral-large-latest");
            assertThat(rows.getLong(3)).isEqualTo(20260228L);
        }
    }

    @Test
    void reportsBadLinesByNumberAndImportsTheRest() {
        String body = String.join("\n",
                GOOD,
                "{not json",
                GOOD.replace("\"energy\":30", "\"energy\":130").replace("g1", "g2"),
                GOOD.replace("style_80s_citypop\"}", "style_unknown\"}").replace("g1", "g3"),
                "{\"id\":\"g4\",\"request_text\":\"hello there\"}",
                "",
                GOOD.replace("bakery", "harbor"));
        given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/datasets/teacher-pairs")
                .then().statusCode(201)
                .body("lines", is(6)).body("imported", is(2)).body("rejected", is(4))
                .body("errors.line", org.hamcrest.Matchers.contains(2, 3, 4, 5))
                .body("errors[1].errors", hasItem(containsString("target_hidden_params.vector.energy")))
                .body("errors[2].errors", hasItem(containsString("unknown part id 'style_unknown'")))
                .body("errors[3].errors", hasItem(containsString("target_hidden_params.vector: missing")));
    }

    @Test
    void anImportOfOnlyBadLinesIsRefusedAndChangesNothing() throws Exception {
        given().contentType("application/x-ndjson").body("{broken\n[1,2]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/datasets/teacher-pairs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("line 1")).body("errors.field", hasItem("line 2"));
        given().contentType("application/x-ndjson").body(new byte[0]).post("/datasets/teacher-pairs").then().statusCode(422);
        assertThat(DatasetTables.count(dataSource, "teacher_pair")).isZero();
        assertThat(DatasetTables.count(dataSource, "pair_batch")).isZero();
    }

    @Test
    void aBodyThatIsNotUtf8ImportsNothing() throws Exception {
        byte[] good = (GOOD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(good, good.length + 3);
        body[good.length] = (byte) 0xC3;
        body[good.length + 1] = (byte) 0x28;
        body[good.length + 2] = '\n';
        given().contentType("application/x-ndjson").body(body).post("/datasets/teacher-pairs")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(DatasetTables.count(dataSource, "teacher_pair")).isZero();
    }

    @Test
    void theCatalogTeacherIsDeterministicForASeed() throws Exception {
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":120,\"seed\":5}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201).body("imported", is(120));
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":120,\"seed\":5}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(201).body("imported", is(0)).body("duplicates", is(120));
        given().contentType("application/json").body("{\"generator\":\"catalog\",\"count\":0}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"generator\":\"poet\",\"count\":3}")
                .post("/datasets/teacher-pairs/generate").then().statusCode(400).body("errors.field", hasItem("generator"));
        assertThat(DatasetTables.count(dataSource, "teacher_pair")).isEqualTo(120);
    }
}
