package kotone.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kotone.core.vector.Dimension;
import kotone.core.vector.PartVector;

/** Reads the catalog JSON that ships in this module ({@code kotone/catalog.json}). */
public final class CatalogReader {

    static final String RESOURCE = "/kotone/catalog.json";

    private CatalogReader() {
    }

    static Catalog readStandard() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static Catalog read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Part> parts = new ArrayList<>();
        for (JsonNode node : root.required("parts")) {
            parts.add(part(node));
        }
        List<String> starters = new ArrayList<>();
        root.path("starterPartIds").forEach(id -> starters.add(id.asText()));
        return new Catalog(root.required("catalogVersion").asText(), parts, starters);
    }

    private static Part part(JsonNode node) {
        String id = node.required("id").asText();
        Slot slot = Slot.fromKey(node.required("slot").asText())
                .orElseThrow(() -> new IllegalArgumentException("part " + id + " has an unknown slot"));
        List<String> tags = new ArrayList<>();
        node.required("tags").forEach(tag -> tags.add(tag.asText()));
        return new Part(id, slot,
                node.required("nameEn").asText(), node.required("nameJa").asText(),
                node.required("descriptionEn").asText(), node.required("descriptionJa").asText(),
                node.required("price").asInt(), tags, vector(id, node.required("vector")));
    }

    private static PartVector vector(String id, JsonNode node) {
        Map<Dimension, Integer> values = new EnumMap<>(Dimension.class);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Dimension dimension = Dimension.fromKey(field.getKey()).orElseThrow(
                    () -> new IllegalArgumentException("part " + id + " has an unknown dimension " + field.getKey()));
            values.put(dimension, field.getValue().asInt());
        }
        return PartVector.of(values);
    }
}
