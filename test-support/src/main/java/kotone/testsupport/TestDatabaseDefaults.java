package kotone.testsupport;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Decides at build time whether Dev Services may start a database container: only where no
 * {@code KOTONE_TEST_DB_URL} is given and a Docker engine answers. Otherwise {@link TestDatabase} supplies
 * the connection when the test starts. On the test classpath only.
 */
public class TestDatabaseDefaults implements ConfigSource {

    private final Map<String, String> properties;

    public TestDatabaseDefaults() {
        String url = System.getenv("KOTONE_TEST_DB_URL");
        boolean devServices = (url == null || url.isBlank()) && DockerProbe.answers();
        this.properties = Map.of("quarkus.devservices.enabled", Boolean.toString(devServices));
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "kotone-test-database-defaults";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
