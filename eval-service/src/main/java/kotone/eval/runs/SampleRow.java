package kotone.eval.runs;

import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.MusicVector;

/**
 * One stored sample.
 *
 * @param ok false when the interpreter call failed (error says why); the sample still counts, as invalid
 * @param predicted null when there is no valid prediction
 */
public record SampleRow(int itemNo, boolean ok, String requestText, String sourceType, String language, MusicVector target,
        MusicVector predicted, SampleJudgement judgement, String servedMode, String modelVersion, String fallbackReason,
        boolean jsonValid, String parseError, double latencyMs, Double costUsd, Integer intentScore, String[] topParts,
        String traceId, String interpreterTraceId, String traceUrl, String error) {
}
