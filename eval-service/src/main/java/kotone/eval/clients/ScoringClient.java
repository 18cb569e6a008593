package kotone.eval.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kotone.core.profile.TargetProfile;
import kotone.eval.config.EvalConfig;

/** Scores a selection with the scoring service's POST /score, in the caller's trace. */
@ApplicationScoped
public class ScoringClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final EvalConfig config;
    private final OpenTelemetry telemetry;

    public ScoringClient(HttpClient http, ObjectMapper json, EvalConfig config, OpenTelemetry telemetry) {
        this.http = http;
        this.json = json;
        this.config = config;
        this.telemetry = telemetry;
    }

    public record Request(Map<String, String> selectedPartsBySlot, TargetProfile profile) {
    }

    /** One selection's total from POST /score, in the caller's trace; null when the scoring service could not answer. */
    public Integer total(Request request, Context context) {
        ObjectNode body = json.createObjectNode();
        body.set("selectedPartsBySlot", json.valueToTree(request.selectedPartsBySlot()));
        body.set("targetProfile", json.valueToTree(request.profile()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.scoringUrl() + "/score"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        telemetry.getPropagators().getTextMapPropagator().inject(context, builder, HttpRequest.Builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode total = json.readTree(response.body()).get("total");
            return total == null || !total.isNumber() ? null : total.asInt();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
