package kotone.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A process of the stack `./kotone up` started: a service (with its management port) or the database. */
record StackProcess(String name, long pid, int managementPort) {

    static final int NO_MANAGEMENT_PORT = -1;
    private static final List<String> SERVICES = List.of("gateway", "interpreter", "scoring", "eval", "dataset");
    private static final List<Integer> MANAGEMENT_PORTS = List.of(9080, 9081, 9082, 9083, 9084);

    boolean isService() {
        return managementPort != NO_MANAGEMENT_PORT;
    }

    /** The five services from {@code .kotone/run/*.pid}, and the local PostgreSQL's server processes if it runs one. */
    static List<StackProcess> of(Path kotoneDir) {
        List<StackProcess> processes = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            processes.add(new StackProcess(service, pid(kotoneDir.resolve("run/" + service + ".pid")), MANAGEMENT_PORTS.get(i)));
        }
        Path postmaster = kotoneDir.resolve("postgres/data/postmaster.pid");
        if (Files.exists(postmaster)) {
            long master = pid(postmaster);
            processes.add(new StackProcess("postgres", master, NO_MANAGEMENT_PORT));
            ProcessHandle.of(master).ifPresent(handle -> handle.children()
                    .forEach(child -> processes.add(new StackProcess("postgres", child.pid(), NO_MANAGEMENT_PORT))));
        }
        return processes;
    }

    private static long pid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid in " + file + ": is the stack up (./kotone up)?", e);
        }
    }
}
