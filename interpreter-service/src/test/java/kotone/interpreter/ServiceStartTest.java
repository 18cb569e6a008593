package kotone.interpreter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceStartTest {

    // relative to the management root, /q
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void answersHealthOnItsManagementPortAndOpenApi() {
        given().when().get(health + "/live").then().statusCode(200).body("status", is("UP"));
        given().when().get(health + "/ready").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);
        kotone.testsupport.OpenApiCheck.everyOperationShowsItsShapesAndErrors();
    }

    @Test
    void withoutAPromotedModelTheLocalModesSayHowToGetOne() {
        given().get("/interpret/modes").then().statusCode(200)
                .body("modes.find { it.mode == 'local' }.available", is(false))
                .body("modes.find { it.mode == 'local' }.why", org.hamcrest.Matchers.containsString("bootstrap"))
                .body("evalModes.find { it.mode == 'local_model' }.available", is(false))
                .body("modes.find { it.mode == 'auto' }.why", is("answers from rule"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when().get("/nowhere").then().statusCode(404);
        given().when().get("/interpret").then().statusCode(405);
    }
}
