package kotone.core.gate;

import java.util.Map;
import kotone.core.stats.Interval;
import kotone.core.vector.Dimension;

/**
 * Everything the gate knows about one eval set: the paired units of its metric, for the target the paired absolute
 * errors of each focus dimension, and the A/A calibration of its noise (the champion against itself).
 *
 * @param focus per focus dimension, the items' absolute errors on it; empty for guards
 * @param calibration the champion's A/A change on this set, or null when it was not measured
 * @param runs the two runs the units come from, for the record
 * @param setAside items left out of the units (on a target: the items a cycle replayed into training)
 */
public record SetEvidence(String datasetId, GateMetric metric, PairedUnits units, Map<Dimension, PairedUnits> focus,
        Calibration calibration, Runs runs, int setAside) {

    public SetEvidence {
        focus = Map.copyOf(focus);
    }

    /** Evidence with no focus dimensions, no calibration, no runs named and nothing set aside: for tests and tools. */
    public static SetEvidence of(String datasetId, GateMetric metric, PairedUnits units) {
        return new SetEvidence(datasetId, metric, units, Map.of(), null, null, 0);
    }

    /** The champion's and the candidate's run on the set. */
    public record Runs(String championRunId, String candidateRunId) {
    }

    /**
     * The champion compared with itself on re-ordered items, with another bootstrap seed: the interval shows the noise
     * the set has when nothing changed.
     */
    public record Calibration(double delta, Interval ci95, String championRunId, String repeatRunId) {

        public boolean coversZero() {
            return ci95.covers(0);
        }
    }
}
