package kotone.bench.load;

import java.util.List;
import java.util.Map;

/**
 * One phase at a constant rate: the answers per operation and per ten-second window, how late the generator itself
 * sent (if it fell behind, the figures are the generator's, not the stack's), and the CPU the stack spent.
 */
record PhaseResult(double rate, double seconds, Map<String, Tally> byOperation, List<Tally> windows,
                   double maxSendLagMillis, double stackCpuSeconds) {

    static final int WINDOW_SECONDS = 10;

    Tally total() {
        Tally total = new Tally();
        byOperation.values().forEach(tally -> tally.addTo(total));
        return total;
    }

    double answeredPerSecond() {
        return total().count() / seconds;
    }

    double cpuMicrosPerRequest() {
        long count = total().count();
        return count == 0 ? 0 : stackCpuSeconds * 1e6 / count;
    }

    boolean meets(double p99LimitMillis) {
        Tally total = total();
        return total.errors() == 0 && total.percentileMillis(99) < p99LimitMillis;
    }
}
