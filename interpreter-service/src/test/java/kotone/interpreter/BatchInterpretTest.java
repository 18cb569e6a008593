package kotone.interpreter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DatasetStub.class)
class BatchInterpretTest {

    private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void readsEachItemAsASingleCallWouldInItsOwnTrace() {
        JsonPath batch = given().contentType("application/json").body("{\"items\":["
                + "{\"request\":{\"requestText\":\"A quiet, warm and nostalgic piano piece for a rainy evening\",\"mode\":\"rule\"},"
                + "\"traceparent\":\"00-" + TRACE_A + "-b7ad6b7169203331-01\"},"
                + "{\"request\":{\"requestText\":\"激しくて明るいお祭りの曲\",\"mode\":\"rule\",\"weather\":\"sunny\"},"
                + "\"traceparent\":\"00-" + TRACE_B + "-00f067aa0ba902b7-01\"}]}")
                .post("/interpret/batch").then().statusCode(200).extract().jsonPath();
        assertThat(batch.getList("items")).hasSize(2);
        assertThat(batch.getString("items[0].answer.meta.traceId")).isEqualTo(TRACE_A);
        assertThat(batch.getString("items[1].answer.meta.traceId")).isEqualTo(TRACE_B);
        assertThat(batch.getInt("items[0].answer.hiddenParams.vector.energy")).isLessThan(40);
        assertThat(batch.getInt("items[1].answer.hiddenParams.vector.energy")).isGreaterThan(60);

        JsonPath single = given().contentType("application/json")
                .body("{\"requestText\":\"A quiet, warm and nostalgic piano piece for a rainy evening\",\"mode\":\"rule\"}")
                .post("/interpret").then().statusCode(200).extract().jsonPath();
        assertThat(batch.getMap("items[0].answer.hiddenParams")).isEqualTo(single.getMap("hiddenParams"));
        assertThat(batch.getMap("items[0].answer.recommended")).isEqualTo(single.getMap("recommended"));
    }

    @Test
    void anItemASingleCallWouldRefuseGetsItsProblemInItsPlace() {
        JsonPath batch = given().contentType("application/json").body("{\"items\":["
                + "{\"request\":{\"requestText\":\"" + "a".repeat(2001) + "\",\"mode\":\"rule\"}},"
                + "{\"request\":{\"requestText\":\"calm\",\"mode\":\"rule\"}}]}")
                .post("/interpret/batch").then().statusCode(200).extract().jsonPath();
        assertThat(batch.getInt("items[0].problem.status")).isEqualTo(400);
        assertThat(batch.getString("items[0].problem.detail")).contains("requestText");
        assertThat(batch.getString("items[0].answer")).isNull();
        assertThat(batch.getString("items[1].answer.meta.modelSource")).isEqualTo("rule_baseline");
    }

    @Test
    void readsOnlyInProcessModesAndNamesTheItemThatIsNot() {
        given().contentType("application/json").body("{\"items\":[{\"request\":{\"requestText\":\"calm\",\"mode\":\"rule\"}},"
                + "{\"request\":{\"requestText\":\"calm\",\"mode\":\"llm\"}}]}")
                .post("/interpret/batch").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("items[1].request.mode"));
        given().contentType("application/json").body("{\"items\":[{\"request\":{\"requestText\":\"calm\"}}]}")
                .post("/interpret/batch").then().statusCode(400).body("errors.field", hasItem("items[0].request.mode"));
    }

    @Test
    void refusesAnEmptyOrOversizedBatchAndABadTraceparent() {
        given().contentType("application/json").body("{\"items\":[]}").post("/interpret/batch").then().statusCode(400)
                .body("errors.field", hasItem("items"));
        StringBuilder many = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append("{\"request\":{\"requestText\":\"calm\",\"mode\":\"rule\"}}");
        }
        given().contentType("application/json").body(many.append("]}").toString()).post("/interpret/batch").then().statusCode(400)
                .body("errors.field", hasItem("items"));
        given().contentType("application/json").body("{\"items\":[{\"request\":{\"requestText\":\"calm\",\"mode\":\"rule\"},"
                + "\"traceparent\":\"not-a-traceparent\"}]}").post("/interpret/batch").then().statusCode(400)
                .body("detail", containsString("traceparent"));
    }
}
