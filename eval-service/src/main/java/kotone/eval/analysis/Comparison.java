package kotone.eval.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Candidate minus base on one eval set: metric deltas by their report names, per-dimension MAE deltas, the items that
 * got better and worse (up to 50 of each), and paired bootstrap 95% intervals of the vector MAE delta and, for a
 * behavioural set, of the pass rate's delta.
 *
 * @param maeDeltaBootstrap95 null when no item has a target
 */
public record Comparison(UUID base, UUID candidate, String datasetId, Map<String, Double> metricDeltas, Map<String, Double> maeByDimensionDeltas,
        int itemsCompared, int itemsBetter, int itemsWorse, int itemsUnchanged, List<ItemChange> better, List<ItemChange> worse,
        BootstrapInterval maeDeltaBootstrap95, @JsonInclude(JsonInclude.Include.NON_NULL) Integer checksCompared,
        @JsonInclude(JsonInclude.Include.NON_NULL) BootstrapInterval passRateDeltaBootstrap95) {

    /** @param baseMae the item's MAE in the base run, 100 without a valid answer */
    public record ItemChange(int itemNo, String requestText, double baseMae, double candidateMae, String traceUrl) {
    }

    /** The mean per-unit delta and its percentile interval over seeded resamples. */
    public record BootstrapInterval(double meanDelta, double low, double high, int resamples) {
    }
}
