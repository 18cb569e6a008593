package kotone.dataset.traffic;

import java.time.Instant;
import kotone.core.traffic.DriftReport;

/**
 * One drift check.
 *
 * @param id the stored check's id; null for a measurement on demand that was not stored
 * @param datasetId the training data compared with: the promoted model's dataset version, else the newest; null when there is none
 * @param cycleStarted the cycle a drifted check started, when configured to
 */
public record DriftMeasurement(Long id, Instant checkedAt, int windowDays, String datasetId, long computeMs, DriftReport report,
        String cycleStarted) {

    DriftMeasurement stored(long storedId, String cycle) {
        return new DriftMeasurement(storedId, checkedAt, windowDays, datasetId, computeMs, report, cycle);
    }
}
