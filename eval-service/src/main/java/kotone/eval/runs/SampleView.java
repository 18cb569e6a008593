package kotone.eval.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.Dimension;

/**
 * A sample as the API shows it.
 *
 * @param status "ok", or "failed" when the interpreter refused the item ({@code error} says why)
 * @param absErrorByDim null without a valid answer or a target
 * @param scoringError why the scoring service refused to score the top recommendation, or null
 */
public record SampleView(int itemNo, String status, String requestText, String sourceType, String language, Map<String, Integer> target,
        Map<String, Integer> predicted, Map<String, Integer> absErrorByDim, Double mae, Boolean constraintMatch, Double slotExactMatch,
        double outputSanity, Integer intentScore, String servedMode, String modelVersion, String fallbackReason, boolean jsonValid,
        String parseError, double latencyMs, Double costUsd, String traceId, String traceUrl, String interpreterTraceId, String error,
        String scoringError) {

    static SampleView of(SampleRow row) {
        SampleJudgement judgement = row.judgement();
        Map<String, Integer> errors = null;
        if (judgement != null) {
            errors = new LinkedHashMap<>();
            for (Dimension dimension : Dimension.ALL) {
                errors.put(dimension.key(), judgement.absoluteErrors()[dimension.ordinal()]);
            }
        }
        double sanity = judgement != null ? judgement.outputSanity()
                : row.predicted() == null ? SampleJudgement.INVALID_SANITY : SampleJudgement.sanity(row.predicted());
        return new SampleView(row.itemNo(), row.ok() ? "ok" : "failed", row.requestText(), row.sourceType(), row.language(),
                row.target() == null ? null : row.target().asMap(), row.predicted() == null ? null : row.predicted().asMap(), errors,
                judgement == null ? null : judgement.mae(), judgement == null ? null : judgement.constraintMatch(),
                judgement == null ? null : judgement.slotExactMatch(), sanity, row.intentScore(), row.servedMode(), row.modelVersion(),
                row.fallbackReason(), row.jsonValid(), row.parseError(), row.latencyMs(), row.costUsd(), row.traceId(), row.traceUrl(),
                row.interpreterTraceId(), row.error(), row.scoringError());
    }
}
