package kotone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code e2e/browser/dashboard.mjs}: Debian's chromium driven by playwright-core through the dashboard of a running
 * stack. Where chromium, node or the script's npm packages are missing the test is skipped, except under CI
 * ({@code CI=true}), where {@code .ci/run} installs them and their absence fails it.
 */
final class DashboardBrowser {

    private static final Path SCRIPT_DIR = Path.of(System.getProperty("kotone.root.dir", "..")).toAbsolutePath().normalize().resolve("e2e/browser");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private DashboardBrowser() {
    }

    /** @return the figures the script measured (first load in bytes, time to a filled run table) */
    static JsonNode drive(String gatewayUrl, String analystKey, String clientKey, String baseRun, String candidateRun, int cycle, Path screenshots)
            throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install chromium)");
        }
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))) {
            missing.add("e2e/browser/node_modules (npm ci in e2e/browser)");
        }
        if (!missing.isEmpty()) {
            assertThat("true".equals(System.getenv("CI"))).as("under CI the browser test needs " + missing).isFalse();
            Assumptions.abort("the browser test needs " + missing);
        }
        Files.createDirectories(screenshots);
        Path output = Files.createTempFile("kotone-dashboard", ".json");
        Process node = new ProcessBuilder("node", "dashboard.mjs", gatewayUrl, analystKey, clientKey, baseRun, candidateRun, Integer.toString(cycle),
                screenshots.toString()).directory(SCRIPT_DIR.toFile()).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        boolean ended = node.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the browser script ended within 5 minutes").isTrue();
        JsonNode result = new ObjectMapper().readTree(printed.isBlank() ? "{}" : printed.lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(result.path("failures")).as(printed).isEmpty();
        assertThat(node.exitValue()).as(printed).isZero();
        return result.path("figures");
    }
}
