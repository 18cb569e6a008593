package kotone.eval.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import kotone.core.metrics.SampleJudgement;
import kotone.core.vector.Dimension;

/** A sample as the API shows it. */
final class SampleView {

    private SampleView() {
    }

    static Map<String, Object> of(SampleRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("itemNo", row.itemNo());
        view.put("status", row.ok() ? "ok" : "failed");
        view.put("requestText", row.requestText());
        view.put("sourceType", row.sourceType());
        view.put("language", row.language());
        view.put("target", row.target() == null ? null : row.target().asMap());
        view.put("predicted", row.predicted() == null ? null : row.predicted().asMap());
        if (row.judgement() != null) {
            Map<String, Integer> errors = new LinkedHashMap<>();
            for (Dimension dimension : Dimension.ALL) {
                errors.put(dimension.key(), row.judgement().absoluteErrors()[dimension.ordinal()]);
            }
            view.put("absErrorByDim", errors);
            view.put("mae", row.judgement().mae());
            view.put("constraintMatch", row.judgement().constraintMatch());
            view.put("slotExactMatch", row.judgement().slotExactMatch());
            view.put("outputSanity", row.judgement().outputSanity());
        } else {
            view.put("absErrorByDim", null);
            view.put("mae", null);
            view.put("outputSanity", row.predicted() == null ? SampleJudgement.INVALID_SANITY : SampleJudgement.sanity(row.predicted()));
        }
        view.put("intentScore", row.intentScore());
        view.put("servedMode", row.servedMode());
        view.put("modelVersion", row.modelVersion());
        view.put("fallbackReason", row.fallbackReason());
        view.put("jsonValid", row.jsonValid());
        view.put("parseError", row.parseError());
        view.put("latencyMs", row.latencyMs());
        view.put("costUsd", row.costUsd());
        view.put("traceId", row.traceId());
        view.put("traceUrl", row.traceUrl());
        view.put("interpreterTraceId", row.interpreterTraceId());
        view.put("error", row.error());
        return view;
    }
}
