package kotone.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeysTest {

    @TempDir
    Path root;

    @Test
    void newKeysAreRandomAndKeptAcrossRestarts() throws Exception {
        StackSettings settings = new StackSettings(root, Map.of());

        AccessKeys first = AccessKeys.resolve(settings);
        first.writeEnvFile(settings.envFile(), "http://127.0.0.1:8080");
        AccessKeys second = AccessKeys.resolve(settings);

        assertThat(first.admin()).startsWith("kotone-admin-").hasSize("kotone-admin-".length() + 48);
        assertThat(first.admin()).isNotEqualTo(first.client());
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.envFile()))).isEqualTo("rw-------");
        assertThat(AccessKeys.EnvFile.read(settings.envFile()))
                .containsEntry("KOTONE_GATEWAY_URL", "http://127.0.0.1:8080")
                .containsEntry("KOTONE_CLIENT_KEY", first.client());
    }

    @Test
    void keysGivenInTheEnvironmentWin() {
        StackSettings settings = new StackSettings(root, Map.of("KOTONE_ANALYST_KEY", "it's-mine"));

        AccessKeys keys = AccessKeys.resolve(settings);
        keys.writeEnvFile(settings.envFile(), "http://x");

        assertThat(keys.analyst()).isEqualTo("it's-mine");
        assertThat(AccessKeys.EnvFile.read(settings.envFile())).containsEntry("KOTONE_ANALYST_KEY", "it's-mine");
    }
}
