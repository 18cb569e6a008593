package kotone.core.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The behavioural suites kotone ships, in the eval-set format with expectations and relations: requests written by the
 * team the way players write them, in English and Japanese. The guard suite judges every promotion and is never trained
 * on; the development suite is what the rules were tuned against, so the guard suite's figures are not its own.
 */
public enum BehaviouralSuite {
    GUARD("kotone/suites/behaviour.v1.json"),
    DEVELOPMENT("kotone/suites/behaviour-dev.v1.json");

    private final String resource;

    BehaviouralSuite(String resource) {
        this.resource = resource;
    }

    /** The suite as the eval service takes it (POST /eval/datasets). */
    public byte[] bytes() {
        try (InputStream in = BehaviouralSuite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the behavioural suite " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request of the suite with what is expected of its reading. */
    public record Item(String text, String weather, BehaviouralItem behaviour) {
    }

    /** The suite's requests with their expectations and relations (item numbers are positions in the file). */
    public List<Item> items() {
        try {
            JsonNode items = new ObjectMapper().readTree(bytes()).path("items");
            java.util.Map<String, Integer> positions = new java.util.HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                positions.put(items.get(i).path("id").asText(), i);
            }
            List<Item> read = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                List<Expectation> expectations = new ArrayList<>();
                for (JsonNode expectation : item.path("expectations")) {
                    expectations.add(new Expectation(kotone.core.vector.Dimension.fromKey(expectation.path("dimension").asText()).orElseThrow(),
                            ExpectationOp.fromSymbol(expectation.path("op").asText()).orElseThrow(), expectation.path("value").asInt()));
                }
                JsonNode relation = item.path("relation");
                Relation related = null;
                if (relation.isObject()) {
                    int base = positions.get(relation.path("base").asText());
                    related = "invariance".equals(relation.path("kind").asText())
                            ? Relation.invariance(base, relation.path("max_shift").asInt(Relation.DEFAULT_MAX_SHIFT))
                            : Relation.direction(base, kotone.core.vector.Dimension.fromKey(relation.path("dimension").asText()).orElseThrow(),
                                    Towards.fromKey(relation.path("towards").asText()).orElseThrow());
                }
                read.add(new Item(item.path("request_text").asText(), item.hasNonNull("weather") ? item.get("weather").asText() : null,
                        new BehaviouralItem(i, item.path("language").asText(), item.path("category").asText(null), expectations, related)));
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request text of the suite. */
    public List<String> requestTexts() {
        try {
            JsonNode items = new ObjectMapper().readTree(bytes()).path("items");
            List<String> texts = new ArrayList<>(items.size());
            items.forEach(item -> texts.add(item.path("request_text").asText()));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
