package kotone.testsupport;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * Decides at build time whether Dev Services may start a database container: only where no
 * {@code KOTONE_TEST_DB_URL} is given and a Docker engine answers. Otherwise {@link TestDatabase} supplies
 * the connection when the test starts. On the test classpath only.
 */
public class TestDatabaseDefaults extends MapBackedConfigSource {

    public TestDatabaseDefaults() {
        super("kotone-test-database-defaults",
                Map.of("quarkus.devservices.enabled", Boolean.toString(devServicesMayStart())), 200);
    }

    private static boolean devServicesMayStart() {
        String url = System.getenv("KOTONE_TEST_DB_URL");
        return (url == null || url.isBlank()) && DockerProbe.answers();
    }
}
