package kotone.eval.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kotone.common.problem.ProblemException;
import kotone.core.metrics.MetricsSummary;
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

    public FailureReport analyse(UUID runId, int top) {
        EvalRun run = runs.find(runId).orElseThrow(() -> ProblemException.notFound("no run " + runId));
        List<FailureReport.HardCase> cases = new ArrayList<>();
        for (SampleRow row : samples.page(runId, SampleRepository.Order.ERROR_DESC, top, 0)) {
            cases.add(new FailureReport.HardCase(row.itemNo(), row.requestText(), row.judgement() == null ? null : row.judgement().mae(),
                    row.judgement() != null, row.error() != null ? row.error() : row.parseError(), worstDimensions(row),
                    row.target() == null ? null : row.target().asMap(), row.predicted() == null ? null : row.predicted().asMap(), row.traceId(),
                    row.traceUrl()));
        }
        List<String> focus = focusDimensions(run.metrics());
        return new FailureReport(runId, run.mode(), focus, cases, playbook(run, focus, cases));
    }

    /** The two dimensions with the highest MAE, worst first. */
    public static List<String> focusDimensions(MetricsSummary metrics) {
        Map<String, Double> maeByDimension = metrics == null || metrics.maeRawByDim() == null ? Map.of() : metrics.maeRawByDim();
        return maeByDimension.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> entry) -> -entry.getValue()))
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

    private static String playbook(EvalRun run, List<String> focus, List<FailureReport.HardCase> cases) {
        StringBuilder md = new StringBuilder();
        md.append("# Playbook for run ").append(run.id()).append(" (").append(run.mode()).append(")\n\n");
        Double mae = run.metrics() == null ? null : run.metrics().vectorMae();
        Double valid = run.metrics() == null ? null : run.metrics().jsonValidRate();
        md.append("## What failed\n");
        md.append(String.format(Locale.ROOT, "- vector MAE %s, JSON valid rate %s%n", format(mae), format(valid)));
        long invalid = cases.stream().filter(hard -> !hard.valid()).count();
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
        for (FailureReport.HardCase hard : cases.subList(0, Math.min(5, cases.size()))) {
            md.append("- \"").append(hard.requestText()).append("\" ").append(hard.worstDimensions())
                    .append(" [trace](").append(hard.traceUrl()).append(")\n");
        }
        md.append("\n## What data to add\n");
        for (String dimension : focus) {
            md.append("- teacher pairs whose requests state ").append(dimension).append(" clearly, both high and low, in English and Japanese\n");
        }
        md.append("- replay the hard cases above with corrected labels\n");
        return md.toString();
    }

    private static String format(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
