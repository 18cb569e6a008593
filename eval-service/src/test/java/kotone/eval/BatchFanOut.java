package kotone.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plays the interpreter's and the scoring service's batch endpoints with the same WireMock's single-item stubs: a batch
 * is asked item by item of this server, and answered as the real services do. A 5xx for any item is a 5xx for the
 * batch (the service is down); a refused item is a problem in its place (interpret) or refuses the whole batch (score).
 * So every test that stubs single answers also drives eval's batched runs.
 */
public class BatchFanOut implements ResponseDefinitionTransformerV2 {

    static final String NAME = "batch-fan-out";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String baseUrl;

    void serveFrom(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            JsonNode batch = json.readTree(event.getRequest().getBodyAsString());
            return event.getRequest().getUrl().startsWith("/interpret") ? interpretAll(batch) : scoreAll(batch);
        } catch (IOException | InterruptedException e) {
            return new ResponseDefinition(500, "batch fan-out failed: " + e);
        }
    }

    private ResponseDefinition interpretAll(JsonNode batch) throws IOException, InterruptedException {
        ArrayNode answers = json.createArrayNode();
        for (JsonNode item : batch.get("items")) {
            HttpResponse<String> single = post("/interpret", item.get("request"), item.path("traceparent").asText(null));
            if (single.statusCode() >= 500) {
                return new ResponseDefinition(500, "an item failed");
            }
            ObjectNode answer = answers.addObject();
            if (single.statusCode() >= 400) {
                answer.set("problem", json.readTree(single.body()));
            } else {
                answer.set("answer", json.readTree(single.body()));
            }
        }
        return ok(json.createObjectNode().set("items", answers));
    }

    private ResponseDefinition scoreAll(JsonNode batch) throws IOException, InterruptedException {
        ArrayNode results = json.createArrayNode();
        for (JsonNode item : batch.get("items")) {
            HttpResponse<String> single = post("/score", item, null);
            if (single.statusCode() >= 400) {
                return new ResponseDefinition(single.statusCode(), single.body());
            }
            results.add(json.readTree(single.body()));
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("count", results.size());
        answer.set("results", results);
        return ok(answer);
    }

    /** An item asked alone; an interpret item's traceparent goes as the header a single call would have carried. */
    private HttpResponse<String> post(String path, JsonNode body, String traceparent) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ResponseDefinition ok(JsonNode body) throws IOException {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(body)).build();
    }
}
