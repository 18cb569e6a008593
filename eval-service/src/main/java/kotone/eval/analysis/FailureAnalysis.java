package kotone.eval.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kotone.common.problem.ProblemException;
import kotone.core.vector.Dimension;
import kotone.eval.runs.EvalRun;
import kotone.eval.runs.RunRepository;
import kotone.eval.runs.SampleRepository;
import kotone.eval.runs.SampleRow;

/**
 * The hard cases of a run: the worst samples (invalid answers first, then by MAE) with their worst dimensions and
 * trace links, the focus dimensions (highest MAE), and a markdown playbook saying what failed and what data to add.
 */
@ApplicationScoped
public class FailureAnalysis {

    private final RunRepository runs;
    private final SampleRepository samples;

    public FailureAnalysis(RunRepository runs, SampleRepository samples) {
        this.runs = runs;
        this.samples = samples;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> analyse(UUID runId, int top) {
        EvalRun run = runs.find(runId).orElseThrow(() -> ProblemException.notFound("no run " + runId));
        List<SampleRow> worst = samples.page(runId, SampleRepository.Order.ERROR_DESC, top, 0);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (SampleRow row : worst) {
            Map<String, Object> hard = new LinkedHashMap<>();
            hard.put("itemNo", row.itemNo());
            hard.put("requestText", row.requestText());
            hard.put("mae", row.judgement() == null ? null : row.judgement().mae());
            hard.put("valid", row.judgement() != null);
            hard.put("error", row.error() != null ? row.error() : row.parseError());
            hard.put("worstDimensions", worstDimensions(row));
            hard.put("target", row.target() == null ? null : row.target().asMap());
            hard.put("predicted", row.predicted() == null ? null : row.predicted().asMap());
            hard.put("traceId", row.traceId());
            hard.put("traceUrl", row.traceUrl());
            cases.add(hard);
        }
        Map<String, Object> byDimension = run.metrics() == null ? Map.of() : (Map<String, Object>) run.metrics().getOrDefault("mae_raw_by_dim", Map.of());
        List<String> focus = focusDimensions(byDimension == null ? Map.of() : byDimension);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", runId);
        answer.put("mode", run.mode());
        answer.put("focusDimensions", focus);
        answer.put("cases", cases);
        answer.put("playbook", playbook(run, focus, cases));
        return answer;
    }

    /** The two dimensions with the highest MAE, worst first. */
    public static List<String> focusDimensions(Map<String, Object> maeByDimension) {
        return maeByDimension.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Number)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Object> entry) -> -((Number) entry.getValue()).doubleValue()))
                .limit(2)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> worstDimensions(SampleRow row) {
        if (row.judgement() == null || row.target() == null) {
            return List.of();
        }
        int[] errors = row.judgement().absoluteErrors();
        return Dimension.ALL.stream()
                .sorted(Comparator.comparingInt((Dimension dimension) -> -errors[dimension.ordinal()]))
                .limit(2)
                .map(dimension -> dimension.key() + " " + (row.predicted().get(dimension) > row.target().get(dimension) ? "+" : "-")
                        + errors[dimension.ordinal()])
                .toList();
    }

    private static String playbook(EvalRun run, List<String> focus, List<Map<String, Object>> cases) {
        StringBuilder md = new StringBuilder();
        md.append("# Playbook for run ").append(run.id()).append(" (").append(run.mode()).append(")\n\n");
        Object mae = run.metrics() == null ? null : run.metrics().get("vector_mae");
        Object valid = run.metrics() == null ? null : run.metrics().get("json_valid_rate");
        md.append("## What failed\n");
        md.append(String.format(Locale.ROOT, "- vector MAE %s, JSON valid rate %s%n", format(mae), format(valid)));
        long invalid = cases.stream().filter(c -> !(Boolean) c.get("valid")).count();
        if (invalid > 0) {
            md.append("- ").append(invalid).append(" of the worst ").append(cases.size()).append(" samples had no valid answer\n");
        }
        md.append("\n## Which dimensions\n");
        if (focus.isEmpty()) {
            md.append("- no valid sample to measure\n");
        }
        for (String dimension : focus) {
            md.append("- **").append(dimension).append("**: the highest mean absolute error\n");
        }
        md.append("\n## Hard cases\n");
        for (Map<String, Object> hard : cases.subList(0, Math.min(5, cases.size()))) {
            md.append("- \"").append(hard.get("requestText")).append("\" ").append(hard.get("worstDimensions"))
                    .append(" [trace](").append(hard.get("traceUrl")).append(")\n");
        }
        md.append("\n## What data to add\n");
        for (String dimension : focus) {
            md.append("- teacher pairs whose requests state ").append(dimension).append(" clearly, both high and low, in English and Japanese\n");
        }
        md.append("- replay the hard cases above with corrected labels\n");
        return md.toString();
    }

    private static String format(Object value) {
        return value instanceof Number number ? String.format(Locale.ROOT, "%.2f", number.doubleValue()) : "n/a";
    }
}
