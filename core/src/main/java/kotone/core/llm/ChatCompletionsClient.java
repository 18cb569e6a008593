package kotone.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls an OpenAI-compatible {@code /chat/completions} with a system and a user message and returns the
 * answer's text. Content given as an array of parts is joined. Failures become {@link LlmException}s that
 * say whether a retry could help; the key is sent but never put in a message.
 */
public final class ChatCompletionsClient {

    private final HttpClient http;
    private final ObjectMapper json;

    public ChatCompletionsClient(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public record Answer(String content, String model) {
    }

    public Answer complete(LlmEndpoint endpoint, String model, String system, String user, Duration timeout)
            throws LlmException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        body.put("max_tokens", 300);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.chatCompletions())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // the whole exchange, body included, is bounded: a server that dribbles its answer is cut off too
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new LlmException(LlmException.Kind.TIMEOUT, 0, null, endpoint.name() + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new LlmException(LlmException.Kind.TIMEOUT, 0, null, endpoint.name() + " did not answer within " + timeout.toMillis() + " ms", cause);
            }
            if (cause instanceof ConnectException) {
                throw new LlmException(LlmException.Kind.CONNECTION, 0, null, endpoint.name() + " is unreachable", cause);
            }
            throw new LlmException(LlmException.Kind.CONNECTION, 0, null, endpoint.name() + " failed: " + (cause == null ? e : cause).getClass().getSimpleName(), cause);
        }
        if (response.statusCode() / 100 != 2) {
            throw new LlmException(LlmException.Kind.HTTP_STATUS, response.statusCode(), retryAfter(response),
                    endpoint.name() + " answered HTTP " + response.statusCode(), null);
        }
        return new Answer(content(endpoint, response.body()), model);
    }

    private String content(LlmEndpoint endpoint, String body) throws LlmException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, 200, null, endpoint.name() + " sent a body that is not JSON", e);
        }
        JsonNode content = root == null ? null : root.path("choices").path(0).path("message").get("content");
        if (content == null || content.isNull()) {
            if (root == null || !root.path("choices").isArray()) {
                throw new LlmException(LlmException.Kind.BAD_RESPONSE, 200, null, endpoint.name() + " sent no choices", null);
            }
            return "";
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    text.append(part.asText());
                } else if (part.hasNonNull("text")) {
                    text.append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        return content.asText();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }
}
