package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kotone.cli.stack.AccessKeys;

/** The gateway's API as the command line uses it, with the keys {@code ./kotone up} wrote to {@code .kotone/env}. */
public final class GatewayApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String adminKey;
    private final String analystKey;
    private final String clientKey;

    private GatewayApi(String baseUrl, String adminKey, String analystKey, String clientKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminKey = adminKey;
        this.analystKey = analystKey;
        this.clientKey = clientKey;
    }

    public static GatewayApi fromEnvFile(Path envFile) {
        Map<String, String> env = AccessKeys.readEnvFile(envFile);
        String url = System.getenv().getOrDefault("KOTONE_GATEWAY_URL", env.get("KOTONE_GATEWAY_URL"));
        if (url == null || env.get("KOTONE_ADMIN_KEY") == null) {
            throw new JobFailed("kotone is not up (no " + envFile + "): run ./kotone up first");
        }
        return new GatewayApi(url, env.get("KOTONE_ADMIN_KEY"), env.get("KOTONE_ANALYST_KEY"), env.get("KOTONE_CLIENT_KEY"));
    }

    public ObjectMapper json() {
        return json;
    }

    public JsonNode post(String path, Object body, int... accepted) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", adminKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path, accepted);
        } catch (IOException e) {
            throw new JobFailed("could not write the request to " + path + ": " + e.getMessage());
        }
    }

    public JsonNode put(String path, Object body, int... accepted) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", adminKey).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), path, accepted);
        } catch (IOException e) {
            throw new JobFailed("could not write the request to " + path + ": " + e.getMessage());
        }
    }

    /**
     * A POST as a game client (the client key), the way players' requests arrive. Over the key's rate limit (429) it waits
     * as Retry-After says and sends again.
     */
    public JsonNode postAsClient(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(path)).header("X-API-Key", clientKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == 20) {
                    if (response.statusCode() != 200) {
                        throw new JobFailed(path + " answered " + response.statusCode() + ": " + response.body());
                    }
                    return read(response.body());
                }
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
            }
        } catch (IOException e) {
            throw new JobFailed("the gateway at " + baseUrl + " is unreachable (" + e.getClass().getSimpleName() + "): is kotone up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailed("interrupted");
        }
    }

    public JsonNode postFile(String path, Path file, String contentType, int... accepted) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", adminKey).header("Content-Type", contentType)
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)), path, accepted);
        } catch (java.io.FileNotFoundException e) {
            throw new JobFailed(file + ": no such file");
        }
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", analystKey).GET(), path, 200);
    }

    /** A GET that may find nothing: null on 404. */
    public JsonNode find(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri(path)).header("X-API-Key", analystKey).GET(), path, 200, 404);
        return response.statusCode() == 404 ? null : read(response.body());
    }

    public JsonNode postBytes(String path, byte[] body, String contentType, int... accepted) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", adminKey).header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), path, accepted);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + "/api/v1" + path);
    }

    private JsonNode send(HttpRequest.Builder request, String path, int... accepted) {
        return read(exchange(request, path, accepted).body());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new JobFailed("the gateway answered something that is not JSON: " + e.getMessage());
        }
    }

    /** Sends a request; an answer with a status not accepted stops the job with the problem's detail. */
    private HttpResponse<String> exchange(HttpRequest.Builder request, String path, int... accepted) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : accepted) {
                if (status == response.statusCode()) {
                    return response;
                }
            }
            String detail = response.body();
            try {
                JsonNode problem = json.readTree(detail);
                if (problem.hasNonNull("detail")) {
                    detail = problem.get("detail").asText();
                }
            } catch (IOException ignored) {
                // not JSON: show it as it is
            }
            throw new JobFailed(path + " answered " + response.statusCode() + ": " + detail);
        } catch (IOException e) {
            throw new JobFailed("the gateway at " + baseUrl + " is unreachable (" + e.getClass().getSimpleName() + "): is kotone up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailed("interrupted");
        }
    }
}
