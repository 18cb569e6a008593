package kotone.dataset.pairs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where generated or replayed pairs came from, kept with every pair: the cycle, the eval run and the samples that led to
 * them, the focus dimensions; for a replayed hard case its item, its trace and the eval set it came from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(Integer cycle, String runId, List<String> focusDimensions, List<Integer> sampleItemNos, Integer itemNo, String traceId,
        String evalSetId) {

    /** This lineage with the other's fields where the other has them (a hard case's own lineage over its batch's). */
    public Lineage overlaidWith(Lineage other) {
        if (other == null) {
            return this;
        }
        return new Lineage(pick(other.cycle, cycle), pick(other.runId, runId), pick(other.focusDimensions, focusDimensions),
                pick(other.sampleItemNos, sampleItemNos), pick(other.itemNo, itemNo), pick(other.traceId, traceId), pick(other.evalSetId, evalSetId));
    }

    static Lineage none() {
        return new Lineage(null, null, null, null, null, null, null);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
