package kotone.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What /proc says about a set of processes: CPU time, threads, open files and established TCP connections. */
final class ProcessProbe {

    private static final Path PROC = Path.of("/proc");
    private static final String ESTABLISHED = "01";

    /** Clock ticks of user and system time the processes have spent. */
    long cpuTicks(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            String stat = read(PROC.resolve(pid + "/stat"));
            if (!stat.isEmpty()) {
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return ticks;
    }

    int threads(long pid) {
        return read(PROC.resolve(pid + "/status")).lines().filter(line -> line.startsWith("Threads:"))
                .mapToInt(line -> Integer.parseInt(line.substring("Threads:".length()).trim())).findFirst().orElse(0);
    }

    int openFiles(long pid) {
        try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Established TCP connections the process holds, to any peer, and to the given port. */
    Connections connections(long pid, int port) {
        Set<String> sockets = socketInodes(pid);
        int all = 0;
        int toPort = 0;
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : read(PROC.resolve(pid + "/net/" + table)).lines().skip(1).toList()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && ESTABLISHED.equals(fields[3]) && sockets.contains(fields[9])) {
                    all++;
                    String remote = fields[2];
                    if (Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16) == port) {
                        toPort++;
                    }
                }
            }
        }
        return new Connections(all, toPort);
    }

    record Connections(int established, int toPort) {
    }

    private Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor closed while we listed it
                }
            });
        } catch (IOException e) {
            return inodes;
        }
        return inodes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
