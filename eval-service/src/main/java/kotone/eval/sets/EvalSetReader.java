package kotone.eval.sets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.behaviour.Expectation;
import kotone.core.behaviour.ExpectationOp;
import kotone.core.behaviour.Relation;
import kotone.core.behaviour.Towards;
import kotone.core.text.NulCharacter;
import kotone.core.text.TextLanguage;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Reads an eval set in the format of {@code frozen_eval_set.v1.json}, item by item from a stream. The scale of
 * the targets is taken from the set's declaration ({@code target_scale}, or a version named "..._scale10"),
 * else from its values (all at most 10: the 0-10 scale), and every target is brought to 0-100. An item may carry
 * behavioural {@code expectations} ({@code {"dimension", "op": "<=" or ">=", "value"}}) and a {@code relation} to
 * another item by id ({@code {"kind": "invariance", "base", "max_shift"}} or {@code {"kind": "direction", "base",
 * "dimension", "towards": "low" or "high"}}) instead of, or beside, its target. Every mistake is reported with the
 * field it is in, and nothing is stored.
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

    /** @param values the target as given, or null for an item without one */
    private record RawItem(JsonNode node, double[] values, List<Expectation> expectations) {
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
                    case "dataset_version" -> version = withoutNul("dataset_version", parser.getValueAsString());
                    case "name" -> name = withoutNul("name", parser.getValueAsString());
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
        Map<String, Integer> itemNoById = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonNode id = raw.get(i).node().get("id");
            if (id != null && id.isTextual() && itemNoById.putIfAbsent(id.asText(), i) != null) {
                errors.add(new FieldError("items[" + i + "].id", "'" + id.asText() + "' is the id of an earlier item"));
            }
        }
        List<EvalItem> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            items.add(normalize(i, raw.get(i), scale, itemNoById, errors));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the eval set has items that cannot be evaluated; nothing was stored",
                    errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return new Parsed(name != null ? name : version != null ? version : "eval set", version, scale, items);
    }

    private static String withoutNul(String field, String text) {
        if (NulCharacter.within(text)) {
            throw ProblemException.badRequest(field, "must not contain the NUL character (\\u0000)");
        }
        return text;
    }

    private static int detect(List<RawItem> items) {
        for (RawItem item : items) {
            if (item.values() == null) {
                continue;
            }
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
        int before = errors.size();
        if (NulCharacter.within(item)) {
            errors.add(new FieldError(at, "must not contain the NUL character (\\u0000)"));
            return null;
        }
        JsonNode text = item.get("request_text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            errors.add(new FieldError(at + ".request_text", "missing or empty"));
        }
        double[] values = target(item, at, errors);
        List<Expectation> expectations = expectations(item.get("expectations"), at + ".expectations", errors);
        JsonNode relation = item.get("relation");
        if (relation != null && !relation.isNull()) {
            relation(relation, at + ".relation", errors);
        }
        if (values == null && expectations.isEmpty() && (relation == null || relation.isNull()) && errors.size() == before) {
            errors.add(new FieldError(at, "needs target_hidden_params.vector, expectations or a relation"));
        }
        return errors.size() == before ? new RawItem(item, values, expectations) : null;
    }

    /** The target vector as given, or null when the item has none (a behavioural item). */
    private static double[] target(JsonNode item, String at, List<FieldError> errors) {
        JsonNode params = item.get("target_hidden_params");
        if (params == null || params.isNull()) {
            return null;
        }
        JsonNode vector = params.path("vector");
        if (!vector.isObject()) {
            errors.add(new FieldError(at + ".target_hidden_params.vector", "missing"));
            return null;
        }
        double[] values = new double[Dimension.COUNT];
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
        return values;
    }

    private static List<Expectation> expectations(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(at, "must be an array of {dimension, op, value}"));
            return List.of();
        }
        List<Expectation> expectations = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode expectation = node.get(i);
            String name = at + "[" + i + "]";
            Optional<Dimension> dimension = dimension(expectation.get("dimension"), name + ".dimension", errors);
            Optional<ExpectationOp> op = Optional.empty();
            JsonNode symbol = expectation.get("op");
            if (symbol == null || !symbol.isTextual() || (op = ExpectationOp.fromSymbol(symbol.asText())).isEmpty()) {
                errors.add(new FieldError(name + ".op", "must be \"<=\" or \">=\""));
            }
            Optional<Integer> value = level(expectation.get("value"), name + ".value", errors);
            if (dimension.isPresent() && op.isPresent() && value.isPresent()) {
                expectations.add(new Expectation(dimension.get(), op.get(), value.get()));
            }
        }
        return expectations;
    }

    /** Checks a relation's own fields; its base is resolved once every item is read. */
    private static void relation(JsonNode relation, String at, List<FieldError> errors) {
        String kind = relation.path("kind").asText("");
        JsonNode base = relation.get("base");
        if (base == null || !base.isTextual() || base.asText().isBlank()) {
            errors.add(new FieldError(at + ".base", "must name the id of the other item of the pair"));
        }
        switch (kind) {
            case "invariance" -> {
                JsonNode maxShift = relation.get("max_shift");
                if (maxShift != null && !maxShift.isNull()) {
                    level(maxShift, at + ".max_shift", errors);
                }
            }
            case "direction" -> {
                dimension(relation.get("dimension"), at + ".dimension", errors);
                if (Towards.fromKey(relation.path("towards").asText("")).isEmpty()) {
                    errors.add(new FieldError(at + ".towards", "must be low or high"));
                }
            }
            default -> errors.add(new FieldError(at + ".kind", "must be invariance or direction"));
        }
    }

    private static Optional<Dimension> dimension(JsonNode node, String at, List<FieldError> errors) {
        Optional<Dimension> dimension = node != null && node.isTextual() ? Dimension.fromKey(node.asText()) : Optional.empty();
        if (dimension.isEmpty()) {
            errors.add(new FieldError(at, "must be energy, warmth, brightness, acousticness, complexity or nostalgia"));
        }
        return dimension;
    }

    private static Optional<Integer> level(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() != Math.rint(node.asDouble())) {
            errors.add(new FieldError(at, "must be a whole number from 0 to 100"));
            return Optional.empty();
        }
        if (node.asDouble() < 0 || node.asDouble() > 100) {
            errors.add(new FieldError(at, node.asText() + " is out of range 0-100"));
            return Optional.empty();
        }
        return Optional.of(node.asInt());
    }

    private static EvalItem normalize(int index, RawItem raw, int scale, Map<String, Integer> itemNoById, List<FieldError> errors) {
        MusicVector target = null;
        if (raw.values() != null) {
            int[] values = new int[Dimension.COUNT];
            for (Dimension dimension : Dimension.ALL) {
                double value = raw.values()[dimension.ordinal()];
                if (value < 0 || value > scale) {
                    errors.add(new FieldError("items[" + index + "].target_hidden_params.vector." + dimension.key(),
                            value + " is out of range 0-" + scale));
                }
                values[dimension.ordinal()] = MusicVector.clamp(Math.round(value * (100.0 / scale)));
            }
            target = MusicVector.of(values);
        }
        JsonNode node = raw.node();
        String text = node.get("request_text").asText();
        String language = node.hasNonNull("language") ? node.get("language").asText() : TextLanguage.of(text).code();
        Relation relation = resolve(node.get("relation"), "items[" + index + "].relation", index, itemNoById, errors);
        return new EvalItem(index, node.hasNonNull("id") ? node.get("id").asText() : null, text,
                node.hasNonNull("weather") ? node.get("weather").asText() : null,
                node.hasNonNull("source_type") ? node.get("source_type").asText() : "unknown", language, target,
                node.hasNonNull("category") ? node.get("category").asText() : null, raw.expectations(), relation);
    }

    /** The relation with its base item found by id: an invariance or direction pair with one side missing is an error. */
    private static Relation resolve(JsonNode relation, String at, int index, Map<String, Integer> itemNoById, List<FieldError> errors) {
        if (relation == null || relation.isNull()) {
            return null;
        }
        String baseId = relation.get("base").asText();
        Integer base = itemNoById.get(baseId);
        if (base == null) {
            errors.add(new FieldError(at + ".base", "no item of this set has the id '" + baseId + "': the pair has one side missing"));
            return null;
        }
        if (base == index) {
            errors.add(new FieldError(at + ".base", "an item cannot be paired with itself"));
            return null;
        }
        if ("invariance".equals(relation.get("kind").asText())) {
            JsonNode maxShift = relation.get("max_shift");
            return Relation.invariance(base, maxShift == null || maxShift.isNull() ? Relation.DEFAULT_MAX_SHIFT : maxShift.asInt());
        }
        return Relation.direction(base, Dimension.fromKey(relation.get("dimension").asText()).orElseThrow(),
                Towards.fromKey(relation.get("towards").asText()).orElseThrow());
    }
}
