package kotone.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Reads an LLM's answer in stages, recording each: the whole body as JSON, else a fenced ```json block, else the
 * span from the first brace to the last; then schema validation (all six dimensions present and numeric);
 * then repair (a 0-10 scale lifted to 0-100, values clamped, numbers given as strings read, tags de-duplicated).
 * An answer that fails validation has no vector, so it is never served.
 */
public final class AnswerParser {

    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);
    private static final List<String> VECTOR_PATHS = List.of("vector", "hiddenParams", "hidden_params", "target_hidden_params");

    private final ObjectMapper json;

    public AnswerParser(ObjectMapper json) {
        this.json = json;
    }

    public ParsedAnswer parse(String content) {
        List<String> stages = new ArrayList<>();
        if (content == null || content.isBlank()) {
            stages.add("whole_body:empty");
            return new ParsedAnswer(null, List.of(), stages, "empty answer");
        }
        JsonNode root = extract(content.strip(), stages);
        if (root == null) {
            return new ParsedAnswer(null, List.of(), stages, "no JSON object in the answer");
        }
        JsonNode vectorNode = findVector(root);
        double[] values = new double[Dimension.COUNT];
        List<String> repairs = new ArrayList<>();
        for (Dimension dimension : Dimension.ALL) {
            JsonNode value = vectorNode == null ? null : vectorNode.get(dimension.key());
            String problem = readNumber(value, dimension, values, repairs);
            if (problem != null) {
                stages.add("schema:fail");
                return new ParsedAnswer(null, List.of(), stages, problem);
            }
        }
        stages.add("schema:ok");
        boolean tenScale = true;
        for (double value : values) {
            tenScale &= value <= 10;
        }
        if (tenScale) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= 10;
            }
            repairs.add("scale_0_10");
        }
        boolean clamped = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 100) {
                clamped = true;
            }
        }
        if (clamped) {
            repairs.add("clamped");
        }
        List<String> tags = tags(root, repairs);
        for (String repair : new LinkedHashSet<>(repairs)) {
            stages.add("repair:" + repair);
        }
        return new ParsedAnswer(MusicVector.rounded(values), tags, stages, null);
    }

    private JsonNode extract(String content, List<String> stages) {
        JsonNode whole = readObject(content);
        stages.add(whole != null ? "whole_body:ok" : "whole_body:fail");
        if (whole != null) {
            return whole;
        }
        Matcher fence = FENCE.matcher(content);
        JsonNode fenced = fence.find() ? readObject(fence.group(1).strip()) : null;
        stages.add(fenced != null ? "fenced_block:ok" : "fenced_block:fail");
        if (fenced != null) {
            return fenced;
        }
        int first = content.indexOf('{');
        int last = content.lastIndexOf('}');
        JsonNode span = first >= 0 && last > first ? readObject(content.substring(first, last + 1)) : null;
        stages.add(span != null ? "brace_span:ok" : "brace_span:fail");
        return span;
    }

    private JsonNode readObject(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode findVector(JsonNode root) {
        if (root.has(Dimension.ENERGY.key())) {
            return root;
        }
        for (String path : VECTOR_PATHS) {
            JsonNode node = root.get(path);
            if (node != null && node.isObject()) {
                if (node.has(Dimension.ENERGY.key())) {
                    return node;
                }
                JsonNode nested = node.get("vector");
                if (nested != null && nested.isObject()) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String readNumber(JsonNode value, Dimension dimension, double[] values, List<String> repairs) {
        String name = dimension.key();
        if (value == null || value.isNull()) {
            return name + " is missing";
        }
        double number;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isTextual()) {
            try {
                number = Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                return name + " is not a number: '" + value.asText() + "'";
            }
            repairs.add("numbers_from_strings");
        } else {
            return name + " is not a number";
        }
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return name + " is not a finite number";
        }
        values[dimension.ordinal()] = Math.max(-1000, Math.min(1000, number));
        return null;
    }

    private static List<String> tags(JsonNode root, List<String> repairs) {
        JsonNode node = root.get("tags");
        if (node == null) {
            JsonNode hidden = root.path("hiddenParams");
            node = hidden.get("tags");
        }
        if (node == null || !node.isArray()) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        int count = 0;
        for (JsonNode tag : node) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText().strip().toLowerCase(Locale.ROOT));
                count++;
            }
        }
        if (tags.size() < count) {
            repairs.add("tags_deduplicated");
        }
        return List.copyOf(tags);
    }
}
