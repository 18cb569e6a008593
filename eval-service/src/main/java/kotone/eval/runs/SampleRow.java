package kotone.eval.runs;

import kotone.core.metrics.EvalSample;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.MusicVector;

/**
 * One stored sample.
 *
 * @param ok false when the interpreter refused the item (error says why); the sample still counts, as invalid. An
 *        interpreter that could not be reached leaves no sample: the run waits for it instead
 * @param target null for a behavioural item judged by its expectations alone
 * @param predicted null when there is no valid prediction
 * @param scoringError why the scoring service refused to score the top recommendation, or null
 */
public record SampleRow(int itemNo, boolean ok, String requestText, String sourceType, String language, MusicVector target,
        MusicVector predicted, SampleJudgement judgement, String servedMode, String modelVersion, String fallbackReason,
        boolean jsonValid, String parseError, double latencyMs, Double costUsd, Integer intentScore, String[] topParts,
        String traceId, String interpreterTraceId, String traceUrl, String error, String scoringError) {

    /** The sample as the metrics read it. */
    public EvalSample evalSample() {
        return new EvalSample(target, predicted, judgement, intentScore, latencyMs, costUsd, scoringError != null);
    }

    /** For comparing runs item by item: the sample's MAE, or 100 (the worst possible) when it had no valid answer. */
    public double comparableError() {
        return judgement == null ? 100 : judgement.mae();
    }

    /** The same on one dimension: its absolute error, or 100 without a valid answer. */
    public double comparableError(kotone.core.vector.Dimension dimension) {
        return judgement == null ? 100 : judgement.absoluteErrors()[dimension.ordinal()];
    }
}
