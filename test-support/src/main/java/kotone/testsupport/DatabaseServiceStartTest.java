package kotone.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * What every service with a database shows once started: ready with its database, its schema migrated by
 * Flyway, its OpenAPI published. A service's test extends it with {@code @QuarkusTest} and names its schema.
 */
public abstract class DatabaseServiceStartTest {

    @Inject
    AgroalDataSource dataSource;

    /** The schema the service owns. */
    protected abstract String schema();

    // relative to the management root, /q
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/q/health")
    URL publicHealth;

    @Test
    void isReadyWithItsDatabaseOnItsManagementPortOnly() {
        given().when().get(health + "/live").then().statusCode(200).body("status", is("UP"));
        given().when().get(health + "/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get(publicHealth + "/ready").then().statusCode(404);
    }

    @Test
    void ownsItsSchemaThroughFlyway() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet history = connection.createStatement().executeQuery(
                        "select count(*) from " + schema() + ".flyway_schema_history where success")) {
            history.next();
            assertThat(history.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void publishesItsOpenApiWithShapesAndErrors() {
        OpenApiCheck.everyOperationShowsItsShapesAndErrors();
    }
}
