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
import kotone.eval.config.EvalConfig;

/** Calls the interpreter's POST /interpret at its REST contract, carrying the current trace context. */
@ApplicationScoped
public class InterpreterClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final EvalConfig config;
    private final OpenTelemetry telemetry;

    public InterpreterClient(HttpClient http, ObjectMapper json, EvalConfig config, OpenTelemetry telemetry) {
        this.http = http;
        this.json = json;
        this.config = config;
        this.telemetry = telemetry;
    }

    /** @param status the HTTP status, or 0 when the call failed without one */
    public record Answer(int status, JsonNode body, String error) {
        public boolean ok() {
            return status == 200 && body != null;
        }
    }

    /** @param modelVersion in local mode, the model version to evaluate (null: the promoted one) */
    public Answer interpret(String text, String weather, String interpreterMode, String llmModel, Integer modelVersion, Context context) {
        ObjectNode request = json.createObjectNode();
        request.put("requestText", text);
        if (weather != null && !weather.isBlank()) {
            request.put("weather", weather);
        }
        request.put("mode", interpreterMode);
        if (llmModel != null) {
            request.put("llmModel", llmModel);
        }
        if (modelVersion != null) {
            request.put("modelVersion", modelVersion);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.interpreterUrl() + "/interpret"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
        telemetry.getPropagators().getTextMapPropagator().inject(context, builder, HttpRequest.Builder::header);
        HttpRequest call = builder.build();
        IOException lastFailure = null;
        for (int attempt = 0; attempt <= TRANSPORT_RETRIES; attempt++) {
            try {
                HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return new Answer(response.statusCode(), null, "interpreter answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
                }
                return new Answer(200, json.readTree(response.body()), null);
            } catch (IOException e) {
                // interpreting has no side effects, so a call the connection lost (a pooled connection the server had
                // closed: "received no bytes") is asked again
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, null, "interrupted");
            }
        }
        return new Answer(0, null, "interpreter unreachable: " + lastFailure.getClass().getSimpleName()
                + (lastFailure.getMessage() == null ? "" : " " + lastFailure.getMessage()));
    }

    private static final int TRANSPORT_RETRIES = 2;

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
