package kotone.eval.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import kotone.eval.cards.GuardReport;
import kotone.eval.config.EvalConfig;

/** The dataset service's REST contract as the improvement cycle uses it. */
@ApplicationScoped
public class DatasetClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final EvalConfig config;

    public DatasetClient(HttpClient http, ObjectMapper json, EvalConfig config) {
        this.http = http;
        this.json = json;
        this.config = config;
    }

    /** A call that did not give the expected answer. */
    public static final class CallFailed extends RuntimeException {
        public CallFailed(String message) {
            super(message);
        }
    }

    /** The promoted model's registry entry, or null when none is promoted. */
    public JsonNode promotedModel() {
        return call("GET", "/models/promoted", null, 200, 404);
    }

    public JsonNode generate(Object request) {
        return call("POST", "/datasets/teacher-pairs/generate", request, 201);
    }

    public JsonNode createDataset(Object request) {
        return call("POST", "/datasets", request, 200, 201);
    }

    public JsonNode startTraining(Object request) {
        return call("POST", "/training-jobs", request, 202);
    }

    public JsonNode trainingJob(String id) {
        return call("GET", "/training-jobs/" + id, null, 200);
    }

    /** A model version's registry entry, or null when there is no such version. */
    public JsonNode model(int version) {
        return call("GET", "/models/" + version, null, 200, 404);
    }

    /**
     * Promotes a version through a passed gate check.
     *
     * @param caller who asked, as the gateway named them ({@code role:keyId}), kept in the alias history
     */
    public JsonNode promote(int version, UUID gateCheckId, String reason, String caller) {
        return call("POST", "/models/" + version + "/promote", new PromoteRequest(gateCheckId, false, reason), caller, 200);
    }

    /** Tells the model registry the outcome of a gate check, which a promotion of the candidate rests on. */
    public void recordGateCheck(int candidateVersion, GateCheckRecord record) {
        call("POST", "/models/" + candidateVersion + "/gate-checks", record, null, 200, 201);
    }

    /** Writes a version's guard report onto its model card. */
    public void recordGuardReport(int version, GuardReport report) {
        call("PUT", "/models/" + version + "/guard-report", report, null, 200);
    }

    /**
     * Reserves an eval set's texts (their normalised keys): no dataset version may hold a training row with one of them.
     * An eval set is stored only once its texts are reserved, so a failure here is a 503 naming the dataset service.
     */
    public void reserveTexts(String evalSetId, List<String> textKeys) {
        try {
            call("PUT", "/datasets/reserved-texts/" + evalSetId, new ReservedTexts(textKeys), null, 200, 204);
        } catch (CallFailed e) {
            throw ProblemException.unavailable("the dataset service could not reserve the eval set's texts, so the set was not stored: "
                    + e.getMessage());
        }
    }

    /** The body of a promotion. */
    public record PromoteRequest(UUID gateCheckId, boolean force, String reason) {
    }

    /** What the registry keeps of a gate check. */
    public record GateCheckRecord(UUID checkId, Integer championVersion, String targetSetId, boolean passed, List<String> failingSets,
            Instant decidedAt) {
    }

    record ReservedTexts(List<String> textKeys) {
    }

    private JsonNode call(String method, String path, Object body, int... accepted) {
        return call(method, path, body, null, accepted);
    }

    private JsonNode call(String method, String path, Object body, String caller, int... accepted) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.datasetUrl() + path)).timeout(Duration.ofSeconds(60));
            if (caller != null) {
                request.header(Caller.HEADER, caller);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : accepted) {
                if (response.statusCode() == status) {
                    return status == 404 || response.body().isEmpty() ? null : json.readTree(response.body());
                }
            }
            throw new CallFailed(method + " " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        } catch (IOException e) {
            throw new CallFailed(method + " " + path + " failed: the dataset service is unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed("interrupted");
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
