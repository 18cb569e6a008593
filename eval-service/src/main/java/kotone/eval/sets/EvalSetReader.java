package kotone.eval.sets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Reads an eval set in the format of {@code frozen_eval_set.v1.json}, item by item from a stream. The scale of
 * the targets is taken from the set's declaration ({@code target_scale}, or a version named "..._scale10"),
 * else from its values (all at most 10: the 0-10 scale), and every target is brought to 0-100.
 */
@ApplicationScoped
public class EvalSetReader {

    private static final int MAX_ERRORS = 100;

    private final ObjectMapper json;

    public EvalSetReader(ObjectMapper json) {
        // items are read one by one from a stream, so "the rest of the body" is never a trailing token here
        this.json = json.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public record Parsed(String name, String declaredVersion, int scale, List<EvalItem> items) {
    }

    private record RawItem(JsonNode node, double[] values) {
    }

    public Parsed read(InputStream body) {
        List<RawItem> raw = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String version = null;
        String name = null;
        Integer declaredScale = null;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("body", "an eval set is a JSON object with an \"items\" array");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "items" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw ProblemException.badRequest("items", "must be an array");
                        }
                        int index = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode item = parser.readValueAsTree();
                            RawItem read = item(item, index++, errors);
                            if (read != null) {
                                raw.add(read);
                            }
                        }
                    }
                    case "dataset_version" -> version = parser.getValueAsString();
                    case "name" -> name = parser.getValueAsString();
                    case "target_scale" -> declaredScale = parser.getValueAsInt();
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "not a readable JSON eval set: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the eval set has items that cannot be evaluated; nothing was stored",
                    errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        if (raw.isEmpty()) {
            throw ProblemException.unprocessable("the eval set is empty", List.of(new FieldError("items", "must hold at least one item")));
        }
        if (declaredScale != null && declaredScale != 10 && declaredScale != 100) {
            throw ProblemException.unprocessable("unknown target scale", List.of(new FieldError("target_scale", "must be 10 or 100")));
        }
        int scale = declaredScale != null ? declaredScale : version != null && version.contains("scale10") ? 10 : detect(raw);
        List<EvalItem> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            items.add(normalize(i, raw.get(i), scale, errors));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("targets out of range for scale " + scale, errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return new Parsed(name != null ? name : version != null ? version : "eval set", version, scale, items);
    }

    private static int detect(List<RawItem> items) {
        for (RawItem item : items) {
            for (double value : item.values()) {
                if (value > 10) {
                    return 100;
                }
            }
        }
        return 10;
    }

    private static RawItem item(JsonNode item, int index, List<FieldError> errors) {
        String at = "items[" + index + "]";
        if (!item.isObject()) {
            errors.add(new FieldError(at, "must be an object"));
            return null;
        }
        JsonNode text = item.get("request_text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            errors.add(new FieldError(at + ".request_text", "missing or empty"));
        }
        JsonNode vector = item.path("target_hidden_params").path("vector");
        if (!vector.isObject()) {
            errors.add(new FieldError(at + ".target_hidden_params.vector", "missing"));
            return null;
        }
        double[] values = new double[Dimension.COUNT];
        int before = errors.size();
        for (Dimension dimension : Dimension.ALL) {
            JsonNode value = vector.get(dimension.key());
            String name = at + ".target_hidden_params.vector." + dimension.key();
            if (value == null || value.isNull()) {
                errors.add(new FieldError(name, "missing"));
            } else if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                errors.add(new FieldError(name, "must be a number"));
            } else {
                values[dimension.ordinal()] = value.asDouble();
            }
        }
        return errors.size() == before && text != null && text.isTextual() && !text.asText().isBlank() ? new RawItem(item, values) : null;
    }

    private static EvalItem normalize(int index, RawItem raw, int scale, List<FieldError> errors) {
        int[] values = new int[Dimension.COUNT];
        for (Dimension dimension : Dimension.ALL) {
            double value = raw.values()[dimension.ordinal()];
            if (value < 0 || value > scale) {
                errors.add(new FieldError("items[" + index + "].target_hidden_params.vector." + dimension.key(),
                        value + " is out of range 0-" + scale));
            }
            values[dimension.ordinal()] = MusicVector.clamp(Math.round(value * (100.0 / scale)));
        }
        JsonNode node = raw.node();
        String text = node.get("request_text").asText();
        String language = node.hasNonNull("language") ? node.get("language").asText() : TextLanguage.of(text).code();
        return new EvalItem(index, node.hasNonNull("id") ? node.get("id").asText() : null, text,
                node.hasNonNull("weather") ? node.get("weather").asText() : null,
                node.hasNonNull("source_type") ? node.get("source_type").asText() : "unknown", language, MusicVector.of(values));
    }
}
