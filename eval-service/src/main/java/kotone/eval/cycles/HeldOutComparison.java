package kotone.eval.cycles;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kotone.core.metrics.RunMetrics;
import kotone.eval.runs.SampleRepository;

/**
 * What the promotion gate compares: both runs' metrics over the items the candidate did not train on. The hard
 * cases a cycle replays into the training data come from the eval set itself, so they are left out here;
 * otherwise the candidate would be judged partly on its own training items.
 */
@ApplicationScoped
public class HeldOutComparison {

    private final SampleRepository samples;

    public HeldOutComparison(SampleRepository samples) {
        this.samples = samples;
    }

    /**
     * @param promoted the metrics of the promoted model's run over the held-out items
     * @param candidate the same for the candidate's run
     * @param items how many items both runs answered, outside the excluded ones
     * @param worseShare the share of those items whose error grew
     */
    public record Result(Map<String, Object> promoted, Map<String, Object> candidate, int items, int excluded, double worseShare) {

        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("heldOutItems", items);
            summary.put("excludedReplayedItems", excluded);
            summary.put("worseShare", worseShare);
            summary.put("promotedVectorMae", promoted.get("vector_mae"));
            summary.put("candidateVectorMae", candidate.get("vector_mae"));
            return summary;
        }
    }

    public Result compare(UUID promotedRun, UUID candidateRun, Set<Integer> excluded) {
        RunMetrics before = new RunMetrics();
        RunMetrics after = new RunMetrics();
        Map<Integer, Double> beforeErrors = new HashMap<>();
        samples.stream(promotedRun, SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, row -> {
            if (!excluded.contains(row.itemNo())) {
                before.add(row.evalSample());
                beforeErrors.put(row.itemNo(), row.comparableError());
            }
        });
        int[] counts = new int[2];
        samples.stream(candidateRun, SampleRepository.Order.ITEM, Integer.MAX_VALUE, 0, row -> {
            Double was = beforeErrors.get(row.itemNo());
            if (was == null) {
                return;
            }
            after.add(row.evalSample());
            counts[0]++;
            if (row.comparableError() > was) {
                counts[1]++;
            }
        });
        double worseShare = counts[0] == 0 ? 1 : counts[1] / (double) counts[0];
        return new Result(before.asMap(), after.asMap(), counts[0], excluded.size(), worseShare);
    }
}
