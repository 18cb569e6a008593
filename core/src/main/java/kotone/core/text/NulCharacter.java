package kotone.core.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The NUL character (U+0000) is valid in JSON and in Java strings, but PostgreSQL text cannot hold it: a stored text
 * that carries one fails the whole write at the database. Readers of submitted data refuse it up front, naming where.
 */
public final class NulCharacter {

    private NulCharacter() {
    }

    public static boolean within(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Whether any text or field name anywhere in the tree holds a NUL. */
    public static boolean within(JsonNode node) {
        if (node.isTextual()) {
            return within(node.asText());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (within(element)) {
                    return true;
                }
            }
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (within(field.getKey()) || within(field.getValue())) {
                return true;
            }
        }
        return false;
    }
}
