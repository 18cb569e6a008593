package kotone.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kotone.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoreResourceTest {

    static final String RAINY_EVENING = Fixtures.text(Fixtures.RAINY_EVENING_SCORE);

    @Test
    void scoresACompositionWithItsBreakdown() {
        given().contentType(ContentType.JSON).body(RAINY_EVENING)
                .when().post("/score")
                .then().statusCode(200)
                .body("total", is(88))
                .body("rank", is("A"))
                .body("breakdown.vectorScore", is(49))
                .body("breakdown.tagScore", is(25))
                .body("breakdown.preferenceScore", is(10))
                .body("breakdown.synergyScore", is(4))
                .body("breakdown.antiSynergyPenalty", is(0))
                .body("coachFeedbackBySlot.style", notNullValue())
                .body("coachFeedbackBySlot.gimmick", notNullValue())
                .body("composedVector.energy", is(56));
    }

    @Test
    void scoresByTheOriginalGameUnlessOurRulesetIsNamed() {
        String folk = "{\"selectedPartsBySlot\":{\"style\":\"style_70s_folk\",\"instrument\":\"inst_cello_warm\","
                + "\"mood\":\"mood_rain_ambience\",\"gimmick\":\"gimmick_campfire_crackle\"},\"targetProfile\":{\"vector\":{\"energy\":50,"
                + "\"warmth\":50,\"brightness\":50,\"acousticness\":50,\"complexity\":50,\"nostalgia\":50},\"requiredTags\":[],"
                + "\"optionalTags\":[],\"forbiddenTags\":[],\"constraints\":{}}";
        given().contentType(ContentType.JSON).body(folk + "}").when().post("/score").then().statusCode(200)
                .body("ruleset", is("original")).body("breakdown.synergyScore", is(0));
        given().contentType(ContentType.JSON).body(folk + ",\"ruleset\":\"kotone\"}").when().post("/score").then().statusCode(200)
                .body("ruleset", is("kotone")).body("breakdown.synergyScore", is(4));
        given().contentType(ContentType.JSON).body(folk + ",\"ruleset\":\"house\"}").when().post("/score").then().statusCode(400)
                .body("errors.field", hasItems("ruleset"));
    }

    @Test
    void coachesInJapaneseWhenAsked() {
        given().contentType(ContentType.JSON).header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5").body(RAINY_EVENING)
                .when().post("/score")
                .then().statusCode(200)
                .body("coachFeedbackBySlot.mood", containsString("ムード"));
    }

    @Test
    void coachingSaysWhatToChange() {
        String partyForARainyEvening = RAINY_EVENING.replace("mood_rain_ambience", "mood_party_face");
        given().contentType(ContentType.JSON).body(partyForARainyEvening)
                .when().post("/score")
                .then().statusCode(200)
                .body("coachFeedbackBySlot.mood", containsString("Swap Party Face for"))
                .body("suggestedPartsBySlot.mood", notNullValue());
    }

    @Test
    void listsEveryProblemOfASelectionWith422() {
        String wrong = RAINY_EVENING
                .replace("\"style_80s_citypop\"", "\"inst_cello_warm\"")
                .replace("\"gimmick_beat_mute\"", "\"gimmick_nope\"");
        given().contentType(ContentType.JSON).body(wrong)
                .when().post("/score")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422))
                .body("errors", hasSize(2))
                .body("errors.field", hasItems("selectedPartsBySlot.style", "selectedPartsBySlot.gimmick"))
                .body("errors.message", hasItems(containsString("belongs to slot instrument"),
                        containsString("unknown part id 'gimmick_nope'")));
    }

    @Test
    void scoresABatchInOrder() {
        String other = RAINY_EVENING.replace("mood_rain_ambience", "mood_party_face");
        given().contentType(ContentType.JSON).body("{\"items\": [" + RAINY_EVENING + "," + other + "]}")
                .when().post("/score/batch")
                .then().statusCode(200)
                .body("count", is(2))
                .body("results[0].total", is(88))
                .body("results[1].rank", notNullValue());
    }

    @Test
    void aBatchWithoutCoachingScoresTheSameAndCoachesNoSlot() {
        given().contentType(ContentType.JSON).body("{\"items\": [" + RAINY_EVENING + "], \"coaching\": false}")
                .when().post("/score/batch")
                .then().statusCode(200)
                .body("results[0].total", is(88))
                .body("results[0].coachFeedbackBySlot", anEmptyMap());
        given().contentType(ContentType.JSON).body("{\"items\": [" + RAINY_EVENING + "]}")
                .when().post("/score/batch")
                .then().statusCode(200)
                .body("results[0].coachFeedbackBySlot", aMapWithSize(4));
    }

    @Test
    void aBatchWithAnInvalidItemNamesItsIndexAndScoresNothing() {
        String bad = RAINY_EVENING.replace("\"mood_rain_ambience\"", "\"style_70s_folk\"");
        given().contentType(ContentType.JSON).body("{\"items\": [" + RAINY_EVENING + "," + bad + "]}")
                .when().post("/score/batch")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("items[1].selectedPartsBySlot.mood"));
    }
}
