package kotone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kotone.cli.job.Bootstrap;
import kotone.cli.job.GatewayApi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two eval and two dataset instances on one database, as the Kubernetes base runs them: restarting one instance in
 * the middle of a cycle and of a training job fails nothing of its sibling's, and a training job whose instance was
 * killed is taken over and finished.
 */
class SiblingsIT {

    static TestStack stack;
    static GatewayApi api;
    static Map<String, Object> bootstrap;

    @BeforeAll
    static void up() throws Exception {
        stack = TestStack.create();
        stack.stack.up();
        api = GatewayApi.fromEnvFile(stack.settings.envFile());
        bootstrap = new Bootstrap(api, System.out, stack.settings.stateDir().resolve("bootstrap.json")).run(null, null, 150, 60);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stack.down();
        }
    }

    private static JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void restartingOneInstanceFailsNothingOfItsSiblingsAndAKilledJobIsTakenOver() throws Exception {
        // the extra dataset instance takes a stale job over after 4 s; the stack's own keeps the default minute
        Map<String, String> quickLeases = Map.of("KOTONE_TRAINING_STALE_AFTER_MS", "4000", "KOTONE_TRAINING_HEARTBEAT_EVERY", "1s",
                "KOTONE_TRAINING_POLL_EVERY", "1s");
        try (ExtraInstance eval = ExtraInstance.eval(stack, Map.of()); ExtraInstance dataset = ExtraInstance.dataset(stack, quickLeases)) {
            api.post("/datasets/teacher-pairs/generate", Map.of("generator", "catalog", "count", 6000, "seed", 77), 201);
            String big = api.post("/datasets", Map.of("seed", 77), 200, 201).path("id").asText();

            // job A through the gateway: the stack's dataset instance takes it; job B sent to the extra instance: it takes it
            String a = api.post("/training-jobs", Map.of("datasetId", big, "methods", List.of("stacked")), 202).path("id").asText();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(api.get("/training-jobs/" + a).path("status").asText()));
            String b = post(dataset.url() + "/training-jobs", "{\"datasetId\":\"" + big + "\",\"methods\":[\"stacked\"]}").path("id").asText();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(api.get("/training-jobs/" + b).path("status").asText()));
            String ownerOfA = api.get("/training-jobs/" + a).path("owner").asText();
            String ownerOfB = api.get("/training-jobs/" + b).path("owner").asText();
            assertThat(ownerOfB).isNotEqualTo(ownerOfA);

            // the extra instance dies in the middle of B, then comes back as a new instance
            dataset.kill();
            dataset.start();
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> "completed".equals(api.get("/training-jobs/" + a).path("status").asText()));
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> List.of("completed", "failed")
                    .contains(api.get("/training-jobs/" + b).path("status").asText()));
            JsonNode jobA = api.get("/training-jobs/" + a);
            JsonNode jobB = api.get("/training-jobs/" + b);
            assertThat(jobA.path("attempts").asInt()).as("the sibling's restart did not touch A").isEqualTo(1);
            assertThat(jobA.path("owner").asText()).isEqualTo(ownerOfA);
            assertThat(jobB.path("status").asText()).as(jobB.toString()).isEqualTo("completed");
            assertThat(jobB.path("attempts").asInt()).as("B was taken up again after its instance died").isEqualTo(2);
            assertThat(jobB.path("owner").asText()).isNotEqualTo(ownerOfB);

            // a cycle runs on the stack's eval instance; its sibling restarts in the middle, and the cycle ends as a cycle does
            String target = (String) bootstrap.get("evalSetId");
            int n = api.post("/eval/cycles", Map.of("datasetId", target, "augmentPairs", 40), 202).path("n").asInt();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/eval/cycles/" + n).path("steps").size() >= 2);
            eval.kill();
            eval.start();
            Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> !"running".equals(api.get("/eval/cycles/" + n).path("status").asText()));
            JsonNode cycle = api.get("/eval/cycles/" + n);
            assertThat(cycle.path("status").asText()).as(cycle.path("error").asText()).isIn("promoted", "rejected");
        }
    }
}
