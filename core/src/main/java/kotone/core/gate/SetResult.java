package kotone.core.gate;

import java.util.List;

/**
 * The gate's figures for one eval set: the target or a guard.
 *
 * @param delta candidate minus champion
 * @param ci95 the paired bootstrap 95% interval of the delta
 * @param margin for a guard, how far the worse end may go; null for the target, which must improve
 * @param aa the A/A calibration: the champion against itself (delta, interval), or null when not measured
 * @param setAside items left out (on a target, those a cycle replayed into training)
 * @param championRunId the champion's run the figures come from, or null
 * @param candidateRunId the candidate's run, or null
 */
public record SetResult(String datasetId, String metric, double champion, double candidate, double delta, double[] ci95, Double margin,
        boolean pass, int units, int better, int worse, int setAside, Calibration aa, List<FocusResult> focus, String verdict,
        String championRunId, String candidateRunId) {

    public SetResult {
        focus = focus == null ? List.of() : List.copyOf(focus);
    }

    public record Calibration(double delta, double[] ci95, boolean coversZero) {
    }
}
