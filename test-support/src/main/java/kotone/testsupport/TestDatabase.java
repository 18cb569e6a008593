package kotone.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kotone.localpg.LocalPostgres;

/**
 * The PostgreSQL a service's tests run against, found in this order: {@code KOTONE_TEST_DB_URL} (CI sets
 * it), Dev Services where a Docker engine answers, else the same local PostgreSQL that {@code ./kotone up}
 * runs, started under the temp folder on port {@code KOTONE_TEST_DB_PORT} (default 54329) and left
 * running for the next test module.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "kotone_test";

    @Override
    public Map<String, String> start() {
        String url = System.getenv("KOTONE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return connection(url, env("KOTONE_TEST_DB_USER", "postgres"), env("KOTONE_TEST_DB_PASSWORD", ""));
        }
        if (DockerProbe.answers()) {
            return Map.of();
        }
        int port = Integer.parseInt(env("KOTONE_TEST_DB_PORT", "54329"));
        LocalPostgres postgres = new LocalPostgres(Path.of(System.getProperty("java.io.tmpdir"), "kotone-test-postgres"), port,
                LocalPostgres.Durability.THROWAWAY);
        postgres.start();
        postgres.createDatabase(DATABASE);
        return connection(postgres.jdbcUrl(DATABASE), LocalPostgres.USER, "");
    }

    @Override
    public void stop() {
        // the local server stays up for the next module; `pg_ctl stop` or a reboot ends it
    }

    private static Map<String, String> connection(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "quarkus.devservices.enabled", "false");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
