package kotone.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest {

    // relative to the management root, /q
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health", management = true)
    java.net.URL health;

    @Test
    void servesAllFortyFiveParts() {
        given().when().get("/catalog/parts").then().statusCode(200).body("$", hasSize(45));
    }

    @Test
    void filtersBySlot() {
        given().when().get("/catalog/parts?slot=mood").then().statusCode(200)
                .body("$", hasSize(10)).body("slot", everyItem(is("mood")));
    }

    @Test
    void servesOnePartInTheAskedLanguage() {
        given().header("Accept-Language", "ja").when().get("/catalog/parts/inst_cello_warm").then().statusCode(200)
                .body("slot", is("instrument"))
                .body("name", is("ウォームチェロ"))
                .body("names.en", is("Warm Cello"))
                .body("price", is(160))
                .body("vector.warmth", is(86));
    }

    @Test
    void anUnknownPartIsA404Problem() {
        given().when().get("/catalog/parts/nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", is("no part with id 'nope'"));
    }

    @Test
    void healthAndOpenApiAnswer() {
        given().when().get(health + "/live").then().statusCode(200).body("status", is("UP"));
        given().when().get(health + "/ready").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);
        kotone.testsupport.OpenApiCheck.everyOperationShowsItsShapesAndErrors();
    }
}
