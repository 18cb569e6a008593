package kotone.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The answers to one operation in one phase: latency from the moment each request was due (so a stall delays every
 * request behind it, as players would see it: no coordinated omission), and the failures by kind. Touched only on the
 * load generator's single event loop.
 */
final class Tally {

    private final Histogram latencyMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final Map<String, Long> failures = new TreeMap<>();

    void answered(long latencyNanos, int status) {
        latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(), Math.max(1, latencyNanos / 1000)));
        if (status / 100 != 2) {
            failures.merge(Integer.toString(status), 1L, Long::sum);
        }
    }

    void failed(long latencyNanos, Throwable failure) {
        latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(), Math.max(1, latencyNanos / 1000)));
        failures.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
    }

    void addTo(Tally total) {
        total.latencyMicros.add(latencyMicros);
        failures.forEach((kind, count) -> total.failures.merge(kind, count, Long::sum));
    }

    long count() {
        return latencyMicros.getTotalCount();
    }

    long errors() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> failures() {
        return Map.copyOf(failures);
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }
}
