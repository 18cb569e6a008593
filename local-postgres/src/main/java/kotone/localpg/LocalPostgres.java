package kotone.localpg;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A PostgreSQL 17 server of our own under a folder ({@code .kotone/postgres} for {@code ./kotone up}),
 * from the binaries in a Maven artifact: no Docker and no installed server needed. PostgreSQL refuses to run
 * as root, so when we are root its programs run as {@code nobody} and its folders belong to that user.
 * The server outlives this object: {@link #start()} finds a running one, {@link #stop()} stops it.
 */
public final class LocalPostgres {

    public static final String VERSION = "17.2.0";
    public static final String USER = "postgres";
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Whether a commit waits for the disk: a crash of the machine loses nothing acknowledged only when it does. */
    public enum Durability {
        /** fsync on: for a user's own data ({@code ./kotone up}). */
        CRASH_SAFE("on"),
        /** fsync off: for throwaway test databases, where a crash only costs a rerun. */
        THROWAWAY("off");

        private final String fsync;

        Durability(String fsync) {
            this.fsync = fsync;
        }
    }

    private final Path home;
    private final int port;
    private final Durability durability;
    private final boolean root;

    public LocalPostgres(Path home, int port, Durability durability) {
        this.home = home.toAbsolutePath().normalize();
        this.port = port;
        this.durability = durability;
        this.root = new UnixSystem().getUid() == 0;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return home.resolve("postgres.log");
    }

    private Path binaries() {
        return home.resolve("pg-" + VERSION);
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private Path socketDir() {
        return home.resolve("run");
    }

    /**
     * Unpacks, initialises and starts the server as needed; returns at once if it already runs (with the durability it
     * was started with).
     */
    public synchronized void start() {
        try {
            Files.createDirectories(home);
            BinaryArchive.unpackInto(binaries());
            Files.createDirectories(socketDir());
            if (!Files.exists(logFile())) {
                Files.createFile(logFile());
            }
            if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
                LocalFiles.deleteTree(dataDir());
                Files.createDirectories(dataDir());
                handOver(dataDir(), socketDir(), logFile());
                run(60, tool("initdb"), "-D", dataDir().toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                        "--locale=C", "--no-sync");
            } else {
                handOver(socketDir(), logFile());
            }
            if (isRunning()) {
                return;
            }
            run(120, tool("pg_ctl"), "-D", dataDir().toString(), "-l", logFile().toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + socketDir()
                            + " -c fsync=" + durability.fsync + " -c max_connections=200",
                    "start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL under " + home, e);
        }
    }

    public synchronized boolean isRunning() {
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            return false;
        }
        return exec(30, tool("pg_ctl"), "status", "-D", dataDir().toString()).exitCode() == 0;
    }

    public synchronized void stop() {
        if (isRunning()) {
            run(60, tool("pg_ctl"), "-D", dataDir().toString(), "-m", "fast", "-w", "stop");
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on port " + port, e);
        }
    }

    private String tool(String name) {
        return binaries().resolve("bin").resolve(name).toString();
    }

    private void handOver(Path... paths) {
        if (!root) {
            return;
        }
        for (Path path : paths) {
            run(30, "chown", "-R", UNPRIVILEGED_USER + ":", path.toString());
        }
    }

    private void run(int timeoutSeconds, String... command) {
        Result result = exec(timeoutSeconds, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + result.exitCode()
                    + ":\n" + result.output() + "\n(see also " + logFile() + ")");
        }
    }

    private Result exec(int timeoutSeconds, String... command) {
        List<String> full = new ArrayList<>();
        boolean ownTool = command[0].startsWith(binaries().toString());
        if (root && ownTool) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + full, e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
