package kotone.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import kotone.gateway.rest.WireMockUpstreams;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin operations land in the audit log in PostgreSQL, allowed or refused, without keys or bodies; analysts read it. */
@QuarkusTest
@QuarkusTestResource(WireMockUpstreams.class)
@QuarkusTestResource(TestDatabase.class)
class GatewayAuditTest {

    private static final String ADMIN = "test-admin-key";
    private static final String ANALYST = "test-analyst-key";
    private static final String CLIENT = "test-client-key";

    WireMockServer upstream;

    @BeforeEach
    void stubEverything() {
        WireMockUpstreams.answerEveryRequest(upstream);
    }

    @Test
    void anAdminOperationIsRecordedWithItsKeyIdAndOutcomeButNeitherKeyNorBody() {
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"secret-looking-body-text\"}")
                .when().post("/api/v1/eval/cycles?note=query-text").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-API-Key", ANALYST).when().get("/api/v1/audit?limit=50")
                .then().statusCode(200).body("items.path", hasItem("/api/v1/eval/cycles"))
                .body("items.find { it.path == '/api/v1/eval/cycles' }.method", is("POST"))
                .body("items.find { it.path == '/api/v1/eval/cycles' }.status", is(200))
                .body("items.find { it.path == '/api/v1/eval/cycles' }.role", is("admin"))
                .body("items.find { it.path == '/api/v1/eval/cycles' }.keyId", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{12}")));
        String log = given().header("X-API-Key", ANALYST).when().get("/api/v1/audit").then().extract().asString();
        org.assertj.core.api.Assertions.assertThat(log).doesNotContain(ADMIN).doesNotContain("secret-looking-body-text").doesNotContain("query-text");
    }

    @Test
    void aRefusedAttemptIsRecordedToo() {
        given().header("X-API-Key", CLIENT).contentType(ContentType.JSON).body("{}").when().post("/api/v1/training-jobs").then().statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-API-Key", ANALYST).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.find { it.path == '/api/v1/training-jobs' && it.status == 403 }.role", is("client")));
    }

    @Test
    void readsAreNotAuditedAndTheLogIsForAnalystsWithValidPaging() {
        given().header("X-API-Key", ANALYST).when().get("/api/v1/eval/runs").then().statusCode(200);
        given().header("X-API-Key", ANALYST).when().get("/api/v1/audit?limit=500").then().statusCode(200).body("items.method", not(hasItem("GET")));
        given().header("X-API-Key", CLIENT).when().get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        given().header("X-API-Key", ANALYST).when().get("/api/v1/audit?limit=0").then().statusCode(400).body("errors[0].field", is("limit"));
        given().header("X-API-Key", ANALYST).when().get("/api/v1/audit?offset=x").then().statusCode(400).body("errors[0].field", is("offset"));
        given().header("X-API-Key", ADMIN).when().delete("/api/v1/audit").then().statusCode(405);
    }
}
