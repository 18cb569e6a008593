package kotone.bench.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** Prints phases, their operations and windows, and the resources of the stack, in lines a reader can diff. */
final class LoadReport {

    private final PrintStream out;

    LoadReport(PrintStream out) {
        this.out = out;
    }

    void phase(String label, PhaseResult phase) {
        Tally total = phase.total();
        out.printf("%-8s rate=%.0f/s answered=%.1f/s requests=%d errors=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f ms"
                        + " send-lag-max=%.1f ms stack-cpu=%.0f us/request%n",
                label, phase.rate(), phase.answeredPerSecond(), total.count(), total.errors(),
                total.percentileMillis(50), total.percentileMillis(90), total.percentileMillis(99),
                total.percentileMillis(99.9), total.maxMillis(), phase.maxSendLagMillis(), phase.cpuMicrosPerRequest());
        if (total.errors() > 0) {
            out.println("         failures: " + failures(total.failures()));
        }
    }

    void operations(PhaseResult phase) {
        out.printf("  %-18s %8s %8s %8s %8s %8s  %s%n", "operation", "requests", "p50 ms", "p99 ms", "max ms", "errors", "");
        phase.byOperation().forEach((name, tally) -> out.printf("  %-18s %8d %8.1f %8.1f %8.1f %8d  %s%n", name,
                tally.count(), tally.percentileMillis(50), tally.percentileMillis(99), tally.maxMillis(), tally.errors(),
                tally.errors() == 0 ? "" : failures(tally.failures())));
        List<Tally> windows = phase.windows();
        for (int i = 0; i < windows.size(); i++) {
            Tally window = windows.get(i);
            out.printf("  window %3d-%3d s   %8d %8.1f %8.1f %8.1f %8d%n", i * PhaseResult.WINDOW_SECONDS,
                    (i + 1) * PhaseResult.WINDOW_SECONDS, window.count(), window.percentileMillis(50),
                    window.percentileMillis(99), window.maxMillis(), window.errors());
        }
    }

    void resources(List<ResourceSample> samples, double lastSecond) {
        Map<String, List<ResourceSample>> byService = samples.stream()
                .collect(Collectors.groupingBy(ResourceSample::service, LinkedHashMap::new, Collectors.toList()));
        out.println("  resources, highest in the first 10 s -> highest in the last 10 s");
        out.printf("  %-12s %13s %13s %15s %15s%n", "service", "threads", "open files", "connections", "to database");
        byService.forEach((service, list) -> {
            List<ResourceSample> first = list.stream().filter(s -> s.second() < 10).toList();
            List<ResourceSample> last = list.stream().filter(s -> s.second() >= lastSecond - 10).toList();
            out.printf("  %-12s %5d -> %4d %5d -> %4d %6d -> %5d %6d -> %5d%n", service,
                    highest(first, ResourceSample::threads), highest(last, ResourceSample::threads),
                    highest(first, ResourceSample::openFiles), highest(last, ResourceSample::openFiles),
                    highest(first, ResourceSample::connections), highest(last, ResourceSample::connections),
                    highest(first, ResourceSample::databaseConnections), highest(last, ResourceSample::databaseConnections));
        });
    }

    void liveHeap(String service, long before, long after) {
        out.printf("  %-12s heap in use after a full GC: %.1f MB before the settling and held phases, %.1f MB after%n",
                service, before / 1048576.0, after / 1048576.0);
    }

    void line(String text) {
        out.println(text);
    }

    private static int highest(List<ResourceSample> samples, ToIntFunction<ResourceSample> field) {
        return samples.stream().mapToInt(field).max().orElse(-1);
    }

    private static String failures(Map<String, Long> failures) {
        return failures.entrySet().stream().map(entry -> entry.getKey() + "×" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
