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
