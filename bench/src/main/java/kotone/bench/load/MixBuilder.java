package kotone.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Builds the mix from what a stack holds: 60 % interpret (rule, local, auto), 20 % score, 10 % history reads,
 * 10 % eval-run polling. Request texts are the behavioural suite's (written the way players write, English and
 * Japanese); score requests carry the target profiles the interpreter gave for some of them and parts drawn from the
 * catalog; history and polling read the runs the stack already has.
 */
final class MixBuilder {

    private static final String SUITE = "kotone/suites/behaviour.v1.json";
    private static final List<String> WEATHERS = List.of("sunny", "cloudy", "rainy");
    private static final List<String> SLOTS = List.of("style", "instrument", "mood", "gimmick");
    private static final int SCORE_REQUESTS = 120;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI gateway;
    private final String clientKey;
    private final String analystKey;
    private final RandomGenerator random;

    MixBuilder(URI gateway, String clientKey, String analystKey, RandomGenerator random) {
        this.gateway = gateway;
        this.clientKey = clientKey;
        this.analystKey = analystKey;
        this.random = random;
    }

    Mix build() {
        List<PlayerRequest> requests = playerRequests();
        List<LoadRequest> runReads = runPolling();
        return new Mix(List.of(
                interpret("rule", requests),
                interpret("local", requests),
                interpret("auto", requests),
                new Operation("score", 20, scoreRequests(requests)),
                new Operation("history", 10, historyReads()),
                new Operation("run polling", 10, runReads)));
    }

    /** A player's request text and the weather it is sent with. */
    private record PlayerRequest(String text, String weather) {
    }

    private Operation interpret(String mode, List<PlayerRequest> requests) {
        return new Operation("interpret " + mode, 20, requests.stream()
                .map(request -> LoadRequest.post("/api/v1/interpret", clientKey, interpretBody(request, mode))).toList());
    }

    private String interpretBody(PlayerRequest request, String mode) {
        return json.createObjectNode().put("requestText", request.text()).put("weather", request.weather()).put("mode", mode)
                .toString();
    }

    private List<PlayerRequest> playerRequests() {
        List<PlayerRequest> requests = new ArrayList<>();
        for (JsonNode item : suiteItems()) {
            requests.add(new PlayerRequest(item.get("request_text").asText(), WEATHERS.get(random.nextInt(WEATHERS.size()))));
        }
        return requests;
    }

    private JsonNode suiteItems() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SUITE)) {
            if (in == null) {
                throw new IllegalStateException(SUITE + " is not on the class path");
            }
            return json.readTree(in).get("items");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<LoadRequest> scoreRequests(List<PlayerRequest> players) {
        Map<String, List<String>> partsBySlot = partsBySlot();
        List<LoadRequest> requests = new ArrayList<>();
        for (int i = 0; i < SCORE_REQUESTS; i++) {
            String body = interpretBody(players.get(i % players.size()), "rule");
            JsonNode profile = call(post("/api/v1/interpret", clientKey, body)).get("targetProfile");
            ObjectNode selected = json.createObjectNode();
            SLOTS.forEach(slot -> {
                List<String> parts = partsBySlot.get(slot);
                selected.put(slot, parts.get(random.nextInt(parts.size())));
            });
            ObjectNode score = json.createObjectNode();
            score.set("selectedPartsBySlot", selected);
            score.set("targetProfile", profile);
            requests.add(LoadRequest.post("/api/v1/score", clientKey, score.toString()));
        }
        return requests;
    }

    private Map<String, List<String>> partsBySlot() {
        Map<String, List<String>> bySlot = new LinkedHashMap<>();
        for (JsonNode part : call(get("/api/v1/catalog/parts", clientKey))) {
            bySlot.computeIfAbsent(part.get("slot").asText(), slot -> new ArrayList<>()).add(part.get("id").asText());
        }
        return bySlot;
    }

    private List<LoadRequest> historyReads() {
        return List.of(
                LoadRequest.get("/api/v1/eval/runs?limit=20", analystKey),
                LoadRequest.get("/api/v1/eval/runs?limit=20&offset=20", analystKey),
                LoadRequest.get("/api/v1/eval/runs?mode=rule_baseline&limit=10", analystKey),
                LoadRequest.get("/api/v1/eval/runs?mode=local_model&limit=10", analystKey),
                LoadRequest.get("/api/v1/eval/summary/latest", analystKey));
    }

    private List<LoadRequest> runPolling() {
        List<LoadRequest> reads = new ArrayList<>();
        for (JsonNode run : call(get("/api/v1/eval/runs?limit=50", analystKey)).get("items")) {
            reads.add(LoadRequest.get("/api/v1/eval/runs/" + run.get("id").asText(), analystKey));
        }
        if (reads.isEmpty()) {
            throw new IllegalStateException("the stack has no eval runs to poll: run ./kotone demo (or ./kotone eval) first");
        }
        return reads;
    }

    private HttpRequest get(String path, String key) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("X-API-Key", key).GET().build();
    }

    private HttpRequest post(String path, String key, String body) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("X-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private JsonNode call(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
