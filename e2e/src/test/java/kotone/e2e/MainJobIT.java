package kotone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotone.cli.job.Bootstrap;
import kotone.cli.job.CycleJob;
import kotone.cli.job.GatewayApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job as {@code ./kotone bootstrap} and {@code ./kotone cycle} run it, on a small generated dataset
 * against the real services; then the lineage of a new pair is followed back to the failing sample.
 */
class MainJobIT {

    static TestStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = TestStack.create();
        stack.stack.up();
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stack.down();
        }
    }

    @Test
    void bootstrapThenACycleWhoseNewPairsLeadBackToTheFailingSamples() {
        GatewayApi api = GatewayApi.fromEnvFile(stack.settings.envFile());
        Map<String, Object> state = new Bootstrap(api, System.out, stack.settings.stateDir().resolve("bootstrap.json")).run(null, null, 150, 60);
        assertThat(api.get("/models/active").path("version").asInt()).isEqualTo(state.get("modelVersion"));

        new CycleJob(api, System.out).run((String) state.get("evalSetId"), 1, 40);
        JsonNode cycle = api.get("/eval/cycles").path("items").get(0);
        assertThat(cycle.path("status").asText()).isIn("promoted", "rejected");
        JsonNode detail = api.get("/eval/cycles/" + cycle.path("n").asInt());
        assertThat(detail.path("steps")).hasSize(8);
        String failingRun = detail.path("steps").get(0).path("outputs").path("runId").asText();

        JsonNode replayed = api.get("/datasets/teacher-pairs/items?source=replay&limit=100").path("items");
        assertThat(replayed).isNotEmpty();
        JsonNode lineage = replayed.get(0).path("lineage");
        assertThat(lineage.path("runId").asText()).isEqualTo(failingRun);
        assertThat(lineage.path("cycle").asInt()).isEqualTo(cycle.path("n").asInt());
        int itemNo = lineage.path("itemNo").asInt();
        JsonNode worst = api.get("/eval/runs/" + failingRun + "/samples?sort=error_desc&limit=20").path("items");
        List<Integer> worstItems = new ArrayList<>();
        worst.forEach(sample -> worstItems.add(sample.path("itemNo").asInt()));
        assertThat(worstItems).contains(itemNo);
        JsonNode sample = null;
        for (JsonNode candidate : worst) {
            if (candidate.path("itemNo").asInt() == itemNo) {
                sample = candidate;
            }
        }
        assertThat(replayed.get(0).path("requestText").asText()).isEqualTo(sample.path("requestText").asText());
        assertThat(lineage.path("traceId").asText()).isEqualTo(sample.path("traceId").asText());

        JsonNode focused = api.get("/datasets/teacher-pairs/items?source=catalog_teacher&limit=1").path("items").get(0).path("lineage");
        assertThat(focused.path("runId").asText()).isEqualTo(failingRun);
        assertThat(focused.path("sampleItemNos")).isNotEmpty();
    }
}
