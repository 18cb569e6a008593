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

    public JsonNode promote(int version) {
        return call("POST", "/models/" + version + "/promote", null, 200);
    }

    private JsonNode call(String method, String path, Object body, int... accepted) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.datasetUrl() + path)).timeout(Duration.ofSeconds(60));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : accepted) {
                if (response.statusCode() == status) {
                    return status == 404 ? null : json.readTree(response.body());
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
