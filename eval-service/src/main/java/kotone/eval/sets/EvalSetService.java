package kotone.eval.sets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.text.TextKey;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.eval.clients.DatasetClient;
import kotone.eval.config.EvalConfig;
import kotone.core.text.Sha256;

/** Registers eval sets: imported in the frozen-set format, or taken from a dataset version's split. */
@ApplicationScoped
public class EvalSetService {

    private final EvalSetReader reader;
    private final EvalSetRepository repository;
    private final DatasetClient dataset;
    private final ObjectMapper json;
    private final HttpClient http;
    private final EvalConfig config;

    public EvalSetService(EvalSetReader reader, EvalSetRepository repository, DatasetClient dataset, ObjectMapper json, HttpClient http,
            EvalConfig config) {
        this.reader = reader;
        this.repository = repository;
        this.dataset = dataset;
        this.json = json;
        this.http = http;
        this.config = config;
    }

    public record Registered(EvalSet set, boolean created) {
    }

    public Registered register(InputStream body) throws IOException {
        byte[] start = body.readNBytes(4096);
        InputStream whole = new java.io.SequenceInputStream(new ByteArrayInputStream(start), body);
        String head = new String(start, StandardCharsets.UTF_8);
        if (head.contains("\"fromDataset\"")) {
            JsonNode request = json.readTree(whole);
            return fromDataset(request.path("fromDataset"));
        }
        EvalSetReader.Parsed parsed = reader.read(whole);
        return store(parsed.name(), parsed.declaredVersion(), parsed.scale(), parsed.items(), "import");
    }

    private Registered fromDataset(JsonNode from) {
        String datasetId = from.path("datasetId").asText(null);
        String split = from.path("split").asText("test");
        if (datasetId == null || datasetId.isBlank()) {
            throw ProblemException.badRequest("fromDataset.datasetId", "must name a dataset version");
        }
        if (!List.of("train", "valid", "test").contains(split)) {
            throw ProblemException.badRequest("fromDataset.split", "must be train, valid or test");
        }
        List<EvalItem> items = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = get("/datasets/" + datasetId + "/rows?split=" + split + "&limit=5000&offset=" + offset, datasetId);
            JsonNode rows = page.path("items");
            for (JsonNode row : rows) {
                int[] values = new int[Dimension.COUNT];
                for (Dimension dimension : Dimension.ALL) {
                    values[dimension.ordinal()] = row.path("vector").path(dimension.key()).asInt();
                }
                String text = row.path("text").asText();
                items.add(EvalItem.withTarget(items.size(), "row-" + row.path("rowNo").asInt(), text, null, row.path("sourceType").asText(),
                        row.path("language").asText(TextLanguage.of(text).code()), MusicVector.of(values)));
            }
            if (rows.size() < 5000) {
                break;
            }
            offset += 5000;
        }
        if (items.isEmpty()) {
            throw ProblemException.unprocessable("the split is empty", List.of(new FieldError("fromDataset.split", "has no rows")));
        }
        return store(datasetId + " " + split, null, 100, items, "dataset:" + datasetId + "/" + split);
    }

    private JsonNode get(String path, String datasetId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.datasetUrl() + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw ProblemException.unprocessable("no dataset version " + datasetId,
                        List.of(new FieldError("fromDataset.datasetId", "unknown dataset version")));
            }
            if (response.statusCode() != 200) {
                throw ProblemException.unavailable("the dataset service answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw ProblemException.unavailable("the dataset service is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted");
        }
    }

    /**
     * Stores a set, after reserving its texts with the dataset service so that no training row may ever share a
     * normalised text with it: when the dataset service cannot take the reservation, nothing is stored (503).
     */
    private Registered store(String name, String version, int scale, List<EvalItem> items, String origin) {
        String id = "es-" + contentHash(items);
        dataset.reserveTexts(id, items.stream().map(item -> TextKey.of(item.requestText())).distinct().toList());
        EvalSet existing = repository.find(id).orElse(null);
        if (existing != null) {
            return new Registered(existing, false);
        }
        int targets = (int) items.stream().filter(item -> item.target() != null).count();
        int checks = (int) items.stream().filter(EvalItem::hasChecks).count();
        EvalSet set = new EvalSet(id, name, version, scale, items.size(), origin, null, targets, checks);
        boolean created = repository.insert(set, items);
        return new Registered(repository.find(id).orElseThrow(), created);
    }

    private static String contentHash(List<EvalItem> items) {
        MessageDigest digest = Sha256.digest();
        for (EvalItem item : items) {
            // items of the original format hash as they always did, so their sets keep their ids
            String behaviour = item.hasChecks() || item.category() != null
                    ? '\u0000' + item.category() + '\u0000' + item.expectations() + '\u0000' + item.relation() : "";
            digest.update((item.requestText() + '\u0000' + item.weather() + '\u0000' + item.sourceType() + '\u0000' + item.language()
                    + '\u0000' + item.target() + behaviour + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest).substring(0, 16);
    }
}
