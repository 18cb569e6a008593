package kotone.localpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void startsAServerCreatesADatabaseAndStops() throws Exception {
        Path home = Files.createTempDirectory("kotone-localpg-test");
        home.toFile().setExecutable(true, false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalPostgres postgres = new LocalPostgres(home, port, LocalPostgres.Durability.CRASH_SAFE);
        try {
            postgres.start();
            postgres.start();
            assertThat(postgres.isRunning()).isTrue();

            postgres.createDatabase("kotone_probe");
            postgres.createDatabase("kotone_probe");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kotone_probe"), "postgres", "");
                    ResultSet version = connection.createStatement().executeQuery("show server_version")) {
                version.next();
                assertThat(version.getString(1)).startsWith("17.");
            }
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kotone_probe"), "postgres", "");
                    ResultSet fsync = connection.createStatement().executeQuery("show fsync")) {
                fsync.next();
                assertThat(fsync.getString(1)).as("a user's data waits for the disk").isEqualTo("on");
            }
        } finally {
            postgres.stop();
        }
        assertThat(postgres.isRunning()).isFalse();
        LocalFiles.deleteTree(home);
    }
}
