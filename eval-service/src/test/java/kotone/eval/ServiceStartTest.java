package kotone.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import kotone.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ServiceStartTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void isReadyWithItsDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void ownsItsSchemaThroughFlyway() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet history = connection.createStatement().executeQuery(
                        "select count(*) from eval.flyway_schema_history where success")) {
            history.next();
            assertThat(history.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void publishesItsOpenApi() {
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
