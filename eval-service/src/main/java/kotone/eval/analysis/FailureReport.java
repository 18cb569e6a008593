package kotone.eval.analysis;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hard cases of a run, the focus dimensions (the two with the highest MAE) and a markdown playbook saying what
 * failed and what data to add.
 */
public record FailureReport(UUID runId, String mode, List<String> focusDimensions, List<HardCase> cases, String playbook) {

    /**
     * One of the worst samples: invalid answers first, then by MAE.
     *
     * @param worstDimensions the two dimensions furthest off, with the sign of the error ("energy +17")
     * @param target null for a behavioural item
     */
    public record HardCase(int itemNo, String requestText, Double mae, boolean valid, String error, List<String> worstDimensions,
            Map<String, Integer> target, Map<String, Integer> predicted, String traceId, String traceUrl) {
    }
}
