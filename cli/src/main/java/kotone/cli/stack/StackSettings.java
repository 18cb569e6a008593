package kotone.cli.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kotone.localpg.LocalPostgres;

/** Where the stack lives and how it is set up, read from the environment. */
public record StackSettings(Path root, Map<String, String> environment) {

    static final int DEFAULT_POSTGRES_PORT = 54320;
    public static final String DATABASE = "kotone";

    public static StackSettings fromEnvironment(Path root) {
        return new StackSettings(root.toAbsolutePath().normalize(), Map.copyOf(System.getenv()));
    }

    /** {@code .kotone/} beside the code, or {@code KOTONE_STATE_DIR}. */
    public Path stateDir() {
        return variable("KOTONE_STATE_DIR").map(Path::of).map(Path::toAbsolutePath).orElse(root.resolve(".kotone"));
    }

    public Path envFile() {
        return stateDir().resolve("env");
    }

    public Path pidFile(ServiceSpec service) {
        return stateDir().resolve("run").resolve(service.name() + ".pid");
    }

    public Path logFile(ServiceSpec service) {
        return stateDir().resolve("logs").resolve(service.name() + ".log");
    }

    public Path postgresHome() {
        return stateDir().resolve("postgres");
    }

    public int port(ServiceSpec service) {
        return intVariable(service.portVariable(), service.defaultPort());
    }

    public int managementPort(ServiceSpec service) {
        return intVariable(service.managementPortVariable(), service.defaultManagementPort());
    }

    /** Where the service answers its health and metrics. */
    public String managementUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + managementPort(service);
    }

    public int postgresPort() {
        return intVariable("KOTONE_PG_PORT", DEFAULT_POSTGRES_PORT);
    }

    /**
     * The local PostgreSQL waits for the disk on every commit, since it holds a user's runs and models; only a throwaway
     * stack (the end-to-end tests') sets {@code KOTONE_PG_FSYNC=off}.
     */
    public LocalPostgres.Durability postgresDurability() {
        return variable("KOTONE_PG_FSYNC").filter(value -> value.equals("off")).map(value -> LocalPostgres.Durability.THROWAWAY)
                .orElse(LocalPostgres.Durability.CRASH_SAFE);
    }

    /** The database the services use when {@code KOTONE_DB_URL} is not given. */
    public Optional<String> externalDatabaseUrl() {
        return variable("KOTONE_DB_URL");
    }

    public String databaseUser() {
        return variable("KOTONE_DB_USER").orElse("postgres");
    }

    public String databasePassword() {
        return variable("KOTONE_DB_PASSWORD").orElse("");
    }

    public String javaOptions() {
        return variable("KOTONE_JAVA_OPTS").orElse("-Xmx768m -XX:+UseSerialGC");
    }

    public String serviceUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + port(service);
    }

    public Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Variables every service gets: where the others answer. */
    public Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            urls.put(service.urlVariable(), serviceUrl(service));
            urls.put(service.portVariable(), Integer.toString(port(service)));
            urls.put(service.managementPortVariable(), Integer.toString(managementPort(service)));
        }
        return urls;
    }

    private int intVariable(String name, int fallback) {
        return variable(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
            }
        }).orElse(fallback);
    }
}
