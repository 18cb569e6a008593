package kotone.eval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(Upstreams.class)
class GuardTest {

    @Upstreams.Server
    WireMockServer upstreams;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clear() throws Exception {
        EvalTables.clear(dataSource);
        Upstreams.reset(upstreams);
        Upstreams.datasetReserves(upstreams);
    }

    @Test
    void aGuardIsRegisteredOnceListedWithItsMetricsAndRemoved() {
        String setId = given().contentType("application/json").body(EvalSetTest.set(EvalSetTest.item("calm", 20, 50, 50, 50, 50, 50)))
                .post("/eval/datasets").then().statusCode(201).extract().path("id");
        given().contentType("application/json").header("X-Kotone-Caller", "admin:0123456789ab")
                .body("{\"datasetId\":\"" + setId + "\",\"note\":\"held-out teacher data\"}").post("/eval/guards").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/eval/guards/" + setId))
                .body("metrics", hasItem("vector_mae")).body("registeredBy", is("admin:0123456789ab"));
        given().contentType("application/json").body("{\"datasetId\":\"" + setId + "\"}").post("/eval/guards").then().statusCode(200);
        given().get("/eval/guards").then().statusCode(200).body("items.size()", is(1)).body("items[0].note", is("held-out teacher data"))
                .body("items[0].items", is(1));
        given().delete("/eval/guards/" + setId).then().statusCode(204);
        given().get("/eval/guards").then().body("items.size()", is(0));
        given().delete("/eval/guards/" + setId).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aGuardOnAnUnknownSetIsRefusedNamingTheField() {
        given().contentType("application/json").body("{\"datasetId\":\"es-unknown\"}").post("/eval/guards").then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", hasItem("datasetId"));
        given().contentType("application/json").body("{}").post("/eval/guards").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/eval/guards").then().body("items.size()", is(0));
    }
}
