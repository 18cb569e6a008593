package kotone.eval.runs;

import java.util.List;
import java.util.Map;
import kotone.core.vector.Dimension;

/** Runs and samples as CSV (RFC 4180 quoting), for spreadsheets and notebooks. */
final class CsvExport {

    static final String SAMPLE_HEADER = "item_no,status,request_text,source_type,language,"
            + "target_energy,target_warmth,target_brightness,target_acousticness,target_complexity,target_nostalgia,"
            + "pred_energy,pred_warmth,pred_brightness,pred_acousticness,pred_complexity,pred_nostalgia,mae,json_valid,"
            + "fallback_reason,latency_ms,intent_score,trace_id,trace_url,error\n";

    private static final List<String> RUN_METRICS = List.of("json_valid_rate", "vector_mae", "mse_raw", "mse_norm", "r2_score",
            "constraint_match_rate", "slot_exact_match", "intent_score_mean", "output_sanity_score", "p50_latency_ms", "p95_latency_ms",
            "cost_per_100_requests_usd");

    private CsvExport() {
    }

    static String runs(List<EvalRun> runs) {
        StringBuilder csv = new StringBuilder("id,dataset_id,mode,status,done,total,model_version,created_at,finished_at,"
                + String.join(",", RUN_METRICS) + "\n");
        for (EvalRun run : runs) {
            csv.append(run.id()).append(',').append(quote(run.datasetId())).append(',').append(run.mode()).append(',').append(run.status())
                    .append(',').append(run.progress().done()).append(',').append(run.progress().total()).append(',')
                    .append(quote(run.modelVersion())).append(',').append(run.createdAt()).append(',')
                    .append(run.finishedAt() == null ? "" : run.finishedAt());
            Map<String, Double> metrics = run.metrics() == null ? Map.of() : run.metrics().headline();
            for (String metric : RUN_METRICS) {
                Double value = metrics.get(metric);
                csv.append(',').append(value == null ? "" : value);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String sample(SampleRow row) {
        StringBuilder csv = new StringBuilder();
        csv.append(row.itemNo()).append(',').append(row.ok() ? "ok" : "failed").append(',').append(quote(row.requestText())).append(',')
                .append(quote(row.sourceType())).append(',').append(quote(row.language()));
        for (Dimension dimension : Dimension.ALL) {
            csv.append(',').append(row.target() == null ? "" : row.target().get(dimension));
        }
        for (Dimension dimension : Dimension.ALL) {
            csv.append(',').append(row.predicted() == null ? "" : row.predicted().get(dimension));
        }
        csv.append(',').append(row.judgement() == null ? "" : row.judgement().mae()).append(',').append(row.jsonValid()).append(',')
                .append(quote(row.fallbackReason())).append(',').append(row.latencyMs()).append(',')
                .append(row.intentScore() == null ? "" : row.intentScore()).append(',').append(quote(row.traceId())).append(',')
                .append(quote(row.traceUrl())).append(',').append(quote(row.error())).append('\n');
        return csv.toString();
    }

    /**
     * A text cell: quoted when it holds a separator, a quote or a line break; and a cell a spreadsheet would run as a
     * formula (it starts with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so a request text
     * that a player typed can never execute in an analyst's spreadsheet.
     */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
