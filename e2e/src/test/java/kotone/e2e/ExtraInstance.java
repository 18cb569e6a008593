package kotone.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kotone.cli.stack.ServiceSpec;
import org.awaitility.Awaitility;

/**
 * One more instance of a packaged service beside a test stack's, on a free port, sharing the stack's database when the
 * service has one: what a second replica is in Kubernetes. It can be killed (as kill -9 would) and started again.
 */
final class ExtraInstance implements AutoCloseable {

    private final TestStack stack;
    private final String module;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private Process process;
    private int starts;

    private ExtraInstance(TestStack stack, String service, Map<String, String> extra) throws IOException {
        ServiceSpec spec = ServiceSpec.ALL.stream().filter(candidate -> candidate.name().equals(service)).findFirst().orElseThrow();
        this.stack = stack;
        this.module = spec.module();
        this.environment = new HashMap<>(stack.settings.serviceUrls());
        try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
            this.managementPort = management.getLocalPort();
        }
        environment.put(spec.portVariable(), Integer.toString(port));
        environment.put(spec.managementPortVariable(), Integer.toString(managementPort));
        if (spec.usesDatabase()) {
            String url = System.getenv("KOTONE_E2E_DB_URL");
            environment.put("KOTONE_DB_URL", url != null && !url.isBlank() ? url
                    : "jdbc:postgresql://127.0.0.1:" + stack.settings.postgresPort() + "/" + kotone.cli.stack.StackSettings.DATABASE);
            environment.put("KOTONE_DB_USER", stack.settings.databaseUser());
            environment.put("KOTONE_DB_PASSWORD", stack.settings.databasePassword());
        }
        environment.putAll(extra);
    }

    static ExtraInstance eval(TestStack stack, Map<String, String> extra) throws IOException {
        return new ExtraInstance(stack, "eval", extra).start();
    }

    static ExtraInstance dataset(TestStack stack, Map<String, String> extra) throws IOException {
        return new ExtraInstance(stack, "dataset", extra).start();
    }

    static ExtraInstance interpreter(TestStack stack) throws IOException {
        return new ExtraInstance(stack, "interpreter", Map.of()).start();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until it is ready. */
    ExtraInstance start() throws IOException {
        Path jar = stack.settings.root().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(stack.settings.stateDir().resolve("extra-" + module + "-" + port + "-" + (++starts) + ".log").toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return this;
    }

    /** Kills the process at once, as kill -9 would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
