package kotone.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.text.NulCharacter;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Reads one line in the format of {@code teacher_pairs.v1.jsonl}. A line is either a pair or the list of
 * everything wrong with it, each problem naming its field.
 */
public final class TeacherPairLine {

    private final ObjectMapper json;
    private final Catalog catalog;

    public TeacherPairLine(ObjectMapper json, Catalog catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    public record Result(TeacherPair pair, List<String> errors) {
        public boolean ok() {
            return pair != null;
        }
    }

    public Result read(String line, Instant importedAt) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return failed("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return failed("a line must hold one JSON object");
        }
        if (NulCharacter.within(node)) {
            return failed("a line must not contain the NUL character (\\u0000)");
        }
        List<String> errors = new ArrayList<>();
        String requestText = text(node, "request_text", errors);
        String rulePrompt = text(node, "rule_prompt", errors);
        if (requestText == null && rulePrompt == null) {
            errors.add("request_text: missing (a pair needs request_text or rule_prompt)");
        }
        String weather = text(node, "weather", errors);
        if (weather != null && !List.of("sunny", "cloudy", "rainy").contains(weather)) {
            errors.add("weather: unknown value '" + weather + "' (sunny, cloudy, rainy)");
        }
        Map<Slot, String> parts = parts(node.get("selected_parts_by_slot"), errors);
        JsonNode params = node.get("target_hidden_params");
        MusicVector label = vector(params == null ? null : params.get("vector"), errors);
        List<String> tags = tags(params == null ? null : params.get("tags"), errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        JsonNode meta = node.path("meta");
        Provenance provenance = new Provenance("import",
                meta.hasNonNull("generation_source") ? meta.get("generation_source").asText() : "unknown",
                meta.path("seed").canConvertToLong() ? meta.get("seed").asLong() : null,
                meta.hasNonNull("teacher_model") ? meta.get("teacher_model").asText() : null,
                instant(meta.path("generated_at").asText(null), importedAt));
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        return new Result(new TeacherPair(id, requestText, rulePrompt, weather, parts, label, tags, provenance), List.of());
    }

    private static Result failed(String error) {
        return new Result(null, List.of(error));
    }

    private static String text(JsonNode node, String field, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field + ": must be a string");
            return null;
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private Map<Slot, String> parts(JsonNode node, List<String> errors) {
        Map<Slot, String> parts = new EnumMap<>(Slot.class);
        if (node == null || node.isNull()) {
            return parts;
        }
        if (!node.isObject()) {
            errors.add("selected_parts_by_slot: must be an object");
            return parts;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = "selected_parts_by_slot." + field.getKey();
            Slot slot = Slot.fromKey(field.getKey()).orElse(null);
            if (slot == null) {
                errors.add(name + ": unknown slot");
                continue;
            }
            String id = field.getValue().asText();
            Part part = catalog.part(id).orElse(null);
            if (part == null) {
                errors.add(name + ": unknown part id '" + id + "'");
            } else if (part.slot() != slot) {
                errors.add(name + ": part '" + id + "' belongs to slot " + part.slot().key());
            } else {
                parts.put(slot, id);
            }
        }
        return parts;
    }

    private static MusicVector vector(JsonNode node, List<String> errors) {
        if (node == null || !node.isObject()) {
            errors.add("target_hidden_params.vector: missing");
            return null;
        }
        int[] values = new int[Dimension.COUNT];
        int before = errors.size();
        for (Dimension dimension : Dimension.ALL) {
            String name = "target_hidden_params.vector." + dimension.key();
            JsonNode value = node.get(dimension.key());
            if (value == null || value.isNull()) {
                errors.add(name + ": missing");
            } else if (!value.isNumber()) {
                errors.add(name + ": must be a number");
            } else if (value.asDouble() < 0 || value.asDouble() > 100 || Double.isNaN(value.asDouble())) {
                errors.add(name + ": " + value.asText() + " is out of range 0-100");
            } else {
                values[dimension.ordinal()] = (int) Math.round(value.asDouble());
            }
        }
        return errors.size() == before ? MusicVector.of(values) : null;
    }

    private static List<String> tags(JsonNode node, List<String> errors) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add("target_hidden_params.tags: must be an array of strings");
            return List.of();
        }
        for (JsonNode tag : node) {
            if (!tag.isTextual() || tag.asText().isBlank()) {
                errors.add("target_hidden_params.tags: must be an array of strings");
                return List.of();
            }
            tags.add(tag.asText());
        }
        return List.copyOf(tags);
    }

    private static Instant instant(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
