package kotone.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.localpg.LocalPostgres;

/** The whole system on this machine: the database and the five services, started, watched and stopped. */
public final class Stack {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackSettings settings;
    private final PrintStream out;
    private final Readiness readiness = new Readiness();

    public Stack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public List<ServiceProcess> services() {
        return ServiceSpec.ALL.stream().map(spec -> new ServiceProcess(spec, settings)).toList();
    }

    public String gatewayUrl() {
        return settings.serviceUrl(ServiceSpec.ALL.get(0));
    }

    /** Starts what is not running and waits until every service is ready. */
    public void up() {
        long started = System.nanoTime();
        List<ServiceProcess> services = services();
        boolean allRunning = services.stream().allMatch(s -> s.running().isPresent());
        if (allRunning && services.stream().allMatch(s -> readiness.isReady(settings.managementUrl(s.service())))) {
            AccessKeys.resolve(settings).writeEnvFile(settings.envFile(), gatewayUrl());
            out.println("kotone is already up: nothing to do. Gateway: " + gatewayUrl());
            return;
        }
        AccessKeys keys = AccessKeys.resolve(settings);
        keys.writeEnvFile(settings.envFile(), gatewayUrl());
        // services without a database start while PostgreSQL comes up; the others migrate it as they start
        startStopped(services.stream().filter(s -> !s.service().usesDatabase()).toList(), null, keys);
        String databaseUrl = database();
        startStopped(services.stream().filter(s -> s.service().usesDatabase()).toList(), databaseUrl, keys);
        awaitReady(services, started);
        out.printf("kotone is up in %.1f s. Gateway: %s%n", (System.nanoTime() - started) / 1e9, gatewayUrl());
        out.println("Keys and URL: " + display(settings.envFile()) + " (source it: . "
                + display(settings.envFile()) + ")");
    }

    private void startStopped(List<ServiceProcess> services, String databaseUrl, AccessKeys keys) {
        for (ServiceProcess service : services) {
            if (service.running().isPresent()) {
                continue;
            }
            if (service.crashed()) {
                out.println(service.service().name() + " had stopped unexpectedly; starting it again (log: "
                        + display(settings.logFile(service.service())) + ")");
            }
            service.start(environment(service.service(), databaseUrl, keys));
        }
    }

    /** Stops the services, then the local database if this stack runs one. Data stays in .kotone/. */
    public void down() {
        List<ServiceProcess> services = new ArrayList<>(services());
        for (ServiceProcess service : services) {
            boolean wasRunning = service.stop(STOP_GRACE);
            out.println(service.service().name() + (wasRunning ? ": stopped" : ": was not running"));
        }
        LocalPostgres postgres = localPostgres();
        if (settings.externalDatabaseUrl().isEmpty() && postgres.isRunning()) {
            postgres.stop();
            out.println("postgres: stopped (data kept in " + display(postgres.home()) + ")");
        }
    }

    /** One line per service; true when everything runs and is ready. */
    public boolean status() {
        boolean healthy = true;
        out.printf("%-12s %-6s %-8s %s%n", "service", "port", "pid", "state");
        for (ServiceProcess service : services()) {
            String state;
            if (service.running().isPresent()) {
                state = readiness.isReady(settings.managementUrl(service.service())) ? "ready" : "running, not ready";
            } else if (service.crashed()) {
                state = "CRASHED (see " + display(settings.logFile(service.service())) + ")";
            } else {
                state = "stopped";
            }
            healthy &= state.equals("ready");
            out.printf("%-12s %-6d %-8s %s%n", service.service().name(), settings.port(service.service()),
                    service.running().map(p -> Long.toString(p.pid())).orElse("-"), state);
        }
        if (settings.externalDatabaseUrl().isEmpty()) {
            out.printf("%-12s %-6d %-8s %s%n", "postgres", settings.postgresPort(), "-",
                    localPostgres().isRunning() ? "running (local, " + display(settings.postgresHome()) + ")" : "stopped");
        } else {
            out.printf("%-12s %-6s %-8s %s%n", "postgres", "-", "-", "external (KOTONE_DB_URL)");
        }
        return healthy;
    }

    private String database() {
        return settings.externalDatabaseUrl().orElseGet(() -> {
            LocalPostgres postgres = localPostgres();
            out.println("postgres: starting the local PostgreSQL " + LocalPostgres.VERSION + " on port "
                    + settings.postgresPort() + " (" + display(postgres.home()) + ")");
            postgres.start();
            postgres.createDatabase(StackSettings.DATABASE);
            return postgres.jdbcUrl(StackSettings.DATABASE);
        });
    }

    private LocalPostgres localPostgres() {
        return new LocalPostgres(settings.postgresHome(), settings.postgresPort(), settings.postgresDurability());
    }

    private Map<String, String> environment(ServiceSpec service, String databaseUrl, AccessKeys keys) {
        // the stack's own KOTONE_ and OTEL_ settings are every service's (an OTLP collector, rate limits, an LLM), also when
        // they were given to the stack rather than to this process; what the stack decides (ports, database, keys) wins
        Map<String, String> environment = new HashMap<>();
        settings.environment().forEach((name, value) -> {
            if (name.startsWith("KOTONE_") || name.startsWith("OTEL_")) {
                environment.put(name, value);
            }
        });
        environment.putAll(settings.serviceUrls());
        if (service.usesDatabase()) {
            environment.put("KOTONE_DB_URL", databaseUrl);
            environment.put("KOTONE_DB_USER", settings.databaseUser());
            environment.put("KOTONE_DB_PASSWORD", settings.databasePassword());
        }
        if (service.name().equals("gateway")) {
            environment.putAll(keys.gatewayEnvironment());
        }
        return environment;
    }

    private void awaitReady(List<ServiceProcess> services, long startedNanos) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        boolean terminal = System.console() != null;
        int lastReported = -1;
        while (true) {
            List<String> ready = new ArrayList<>();
            List<String> waiting = new ArrayList<>();
            for (ServiceProcess service : services) {
                if (service.running().isEmpty()) {
                    out.println();
                    throw new IllegalStateException(service.service().name() + " exited while starting; last lines of "
                            + settings.logFile(service.service()) + ":\n" + tail(settings.logFile(service.service()), 25));
                }
                (readiness.isReady(settings.managementUrl(service.service())) ? ready : waiting).add(service.service().name());
            }
            if (terminal || ready.size() != lastReported) {
                out.printf("%swaiting for readiness: %d/%d ready%s  %.1f s   %s", terminal ? "\r" : "", ready.size(),
                        services.size(), waiting.isEmpty() ? "" : " (waiting for " + String.join(", ", waiting) + ")",
                        (System.nanoTime() - startedNanos) / 1e9, terminal ? "" : "\n");
                out.flush();
                lastReported = ready.size();
            }
            if (waiting.isEmpty()) {
                if (terminal) {
                    out.println();
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                out.println();
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s: " + waiting
                        + "; see the logs in " + display(settings.logFile(services.get(0).service()).getParent()));
            }
            sleep(250);
        }
    }

    private String display(Path path) {
        return path.startsWith(settings.root()) ? settings.root().relativize(path).toString() : path.toString();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
