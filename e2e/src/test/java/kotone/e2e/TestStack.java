package kotone.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kotone.cli.stack.ServiceSpec;
import kotone.cli.stack.Stack;
import kotone.cli.stack.StackSettings;

/**
 * A stack of the packaged services started through the same {@link Stack} that {@code ./kotone up} uses,
 * on free ports and with its state in a temp folder, so it never meets a developer's own stack. Its
 * database is {@code KOTONE_E2E_DB_URL} when CI gives one, else a local PostgreSQL of its own.
 */
final class TestStack {

    final StackSettings settings;
    final Stack stack;

    private TestStack(StackSettings settings) {
        this.settings = settings;
        this.stack = new Stack(settings, System.out);
    }

    static TestStack create() throws IOException {
        return create(Map.of());
    }

    /** @param extra more variables for the stack, such as an OTLP collector's endpoint */
    static TestStack create(Map<String, String> extra) throws IOException {
        Path root = Path.of(System.getProperty("kotone.root.dir", "..")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("kotone-e2e");
        state.toFile().setExecutable(true, false);
        Map<String, String> environment = new HashMap<>();
        environment.put("KOTONE_STATE_DIR", state.toString());
        for (ServiceSpec service : ServiceSpec.ALL) {
            environment.put(service.portVariable(), Integer.toString(freePort()));
            environment.put(service.managementPortVariable(), Integer.toString(freePort()));
        }
        environment.put("KOTONE_PG_PORT", Integer.toString(freePort()));
        environment.put("KOTONE_PG_FSYNC", "off");
        String testDatabase = System.getenv("KOTONE_E2E_DB_URL");
        if (testDatabase != null && !testDatabase.isBlank()) {
            environment.put("KOTONE_DB_URL", testDatabase);
        }
        environment.putAll(extra);
        return new TestStack(new StackSettings(root, environment));
    }

    String gatewayUrl() {
        return stack.gatewayUrl();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
