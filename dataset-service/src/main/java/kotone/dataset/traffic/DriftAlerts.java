package kotone.dataset.traffic;

import java.util.List;

/** Stored drift checks, the newest first; {@code drifted} counts those that raised an alert. */
public record DriftAlerts(List<DriftMeasurement> items, long drifted, int limit) {
}
