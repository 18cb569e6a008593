package kotone.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is a 4xx problem naming the field, never a 500. */
@QuarkusTest
class BadInputTest {

    private static final String VALID = ScoreResourceTest.RAINY_EVENING;

    private static io.restassured.response.ValidatableResponse post(String path, byte[] body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then()
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return post("/score", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJson() {
        post("{\"selectedPartsBySlot\": {").statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void trailingGarbage() {
        post(VALID + "}").statusCode(400);
    }

    @Test
    void wrongTypes() {
        post(VALID.replace("\"energy\": 22", "\"energy\": \"loud\""))
                .statusCode(400).body("errors.field", hasItem("targetProfile.vector.energy"));
        post(VALID.replace("\"energy\": 22", "\"energy\": 22.5"))
                .statusCode(400).body("errors.field", hasItem("targetProfile.vector.energy"));
        post(VALID.replace("\"requiredTags\": [\"rain\", \"nostalgic\"]", "\"requiredTags\": \"rain\""))
                .statusCode(400).body("errors.field", hasItem("targetProfile.requiredTags"));
        post("[1, 2, 3]").statusCode(400);
    }

    @Test
    void missingFields() {
        post("{}").statusCode(400)
                .body("errors.field", hasItem("selectedPartsBySlot"))
                .body("errors.field", hasItem("targetProfile"));
        post(VALID.replace("\"nostalgia\": 82", "\"nostalgia\": null"))
                .statusCode(400).body("errors.field", hasItem("targetProfile.vector.nostalgia"));
        given().contentType(ContentType.JSON).when().post("/score").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void nanNegativeAndOverRangeValues() {
        post(VALID.replace("\"energy\": 22", "\"energy\": NaN")).statusCode(400);
        post(VALID.replace("\"energy\": 22", "\"energy\": -1"))
                .statusCode(400).body("errors.field", hasItem("targetProfile.vector.energy"));
        post(VALID.replace("\"warmth\": 62", "\"warmth\": 101"))
                .statusCode(400).body("errors.field", hasItem("targetProfile.vector.warmth"));
        post(VALID.replace("\"warmth\": 62", "\"warmth\": 1e400")).statusCode(400);
    }

    @Test
    void unknownSlotAndPartIds() {
        post(VALID.replace("\"style\":", "\"drums\": \"x\", \"style\":"))
                .statusCode(422).body("errors.field", hasItem("selectedPartsBySlot.drums"));
        post(VALID.replace("\"preferredGimmickTags\"", "\"avoidPartIds\": [\"ghost\"], \"preferredGimmickTags\""))
                .statusCode(422).body("errors.field", hasItem("targetProfile.constraints.avoidPartIds[0]"));
    }

    @Test
    void unknownEnumValueInAQuery() {
        given().when().get("/catalog/parts?slot=drums").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("slot"));
    }

    @Test
    void oneMegabyteBody() {
        byte[] body = new byte[1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        post("/score", body).statusCode(413).body("errors[0].field", is("body"));
    }

    @Test
    void nonUtf8Bytes() {
        byte[] body = VALID.replace("rain\"", "rain\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        post("/score", body).statusCode(400).body("detail", containsString("UTF-8"));
    }

    @Test
    void wrongContentType() {
        given().contentType(ContentType.TEXT).body(VALID).when().post("/score")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownRoute() {
        given().when().get("/nothing-here").then().statusCode(404);
    }

    @Test
    void hugeBatch() {
        StringBuilder items = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 1001; i++) {
            items.append(i == 0 ? "" : ",").append("{}");
        }
        post(items.append("]}").toString().replace("/score", "")).statusCode(400);
        given().contentType(ContentType.JSON).body(items.toString()).when().post("/score/batch").then()
                .statusCode(400).body("errors.field", hasItem(startsWith("items")));
    }
}
