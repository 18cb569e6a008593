package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where generated or replayed teacher pairs came from, kept with every pair: the cycle, the eval run and its samples,
 * the focus dimensions; for a replayed hard case its item, trace and eval set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(Integer cycle, String runId, List<String> focusDimensions, List<Integer> sampleItemNos, Integer itemNo, String traceId,
        String evalSetId) {

    public static Lineage ofCycle(int cycle, String runId, List<String> focusDimensions, List<Integer> sampleItemNos) {
        return new Lineage(cycle, runId, focusDimensions, sampleItemNos, null, null, null);
    }

    public static Lineage ofReplayBatch(int cycle, String runId, String evalSetId) {
        return new Lineage(cycle, runId, null, null, null, null, evalSetId);
    }

    public static Lineage ofHardCase(int cycle, String runId, int itemNo, String traceId) {
        return new Lineage(cycle, runId, null, null, itemNo, traceId, null);
    }
}
