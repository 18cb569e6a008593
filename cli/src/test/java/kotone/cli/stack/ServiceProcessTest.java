package kotone.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path root;

    @Test
    void aPidFileWithoutItsProcessIsACrash() throws Exception {
        StackSettings settings = new StackSettings(root, Map.of());
        ServiceProcess scoring = new ServiceProcess(ServiceSpec.ALL.get(2), settings);
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.createDirectories(settings.pidFile(scoring.service()).getParent());
        Files.writeString(settings.pidFile(scoring.service()), Long.toString(finished.pid()));

        assertThat(scoring.running()).isEmpty();
        assertThat(scoring.crashed()).isTrue();
        assertThat(scoring.stop(java.time.Duration.ofSeconds(1))).isFalse();
        assertThat(scoring.crashed()).isFalse();
    }

    @Test
    void portsAndUrlsComeFromTheEnvironment() {
        StackSettings settings = new StackSettings(root, Map.of("KOTONE_EVAL_PORT", "18083"));
        ServiceSpec eval = ServiceSpec.ALL.get(3);

        assertThat(settings.port(eval)).isEqualTo(18083);
        assertThat(settings.serviceUrls()).containsEntry("KOTONE_EVAL_URL", "http://127.0.0.1:18083")
                .containsEntry("KOTONE_GATEWAY_PORT", "8080");
    }
}
