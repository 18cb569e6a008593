package kotone.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A service running in the background, known by its pid file. It is started in a session of its own
 * ({@code setsid}) so it outlives the command that started it and a closed terminal.
 */
public final class ServiceProcess {

    private final ServiceSpec service;
    private final StackSettings settings;

    public ServiceProcess(ServiceSpec service, StackSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    public ServiceSpec service() {
        return service;
    }

    /** The running process, if the pid file names one that is still this service. */
    public Optional<ProcessHandle> running() {
        return pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(service.jar())).orElse(true));
    }

    /** A pid file is left but its process is gone: the service crashed or was killed. */
    public boolean crashed() {
        return pid().isPresent() && running().isEmpty();
    }

    public void start(Map<String, String> environment) {
        Path jar = settings.root().resolve(service.jar());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of("setsid", javaExecutable()));
        command.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(settings.logFile(service).getParent());
            Files.createDirectories(settings.pidFile(service).getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(settings.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile(service).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(settings.pidFile(service), Long.toString(process.pid()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }

    /** Asks the service to stop, waits for it, and kills it if it does not. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> handle = running();
        handle.ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(settings.pidFile(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handle.isPresent();
    }

    public Optional<Long> pid() {
        Path file = settings.pidFile(service);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
