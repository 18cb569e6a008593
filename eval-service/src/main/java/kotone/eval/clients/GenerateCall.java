package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The body of the dataset service's POST /datasets/teacher-pairs/generate as a cycle asks it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateCall(String generator, Integer count, Long seed, List<String> focusDimensions, Lineage lineage, List<Replay> replay) {

    /** Catalog-teacher pairs pushed away from neutral on the focus dimensions. */
    public static GenerateCall focused(int count, long seed, List<String> focusDimensions, Lineage lineage) {
        return new GenerateCall("catalog", count, seed, focusDimensions, lineage, null);
    }

    /** Hard cases stored as pairs with their targets as labels. */
    public static GenerateCall replayed(List<Replay> replay, Lineage lineage) {
        return new GenerateCall("replay", null, null, null, lineage, replay);
    }

    /** @param vector the target on 0-100 */
    public record Replay(String requestText, Map<String, Integer> vector, Lineage lineage) {
    }
}
