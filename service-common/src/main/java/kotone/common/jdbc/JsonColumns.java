package kotone.common.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Values stored in jsonb columns: written as JSON text, read back as ordered maps or as the types they were written from. */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    /** JSON text for a jsonb parameter; null stays null. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A jsonb column read as text, as a map in its stored order; null stays null. */
    public Map<String, Object> readMap(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column cannot be read", e);
        }
    }

    /** A jsonb column read as text, as the given type (a record, a list of records); null stays null. */
    public <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column cannot be read as " + type.getType(), e);
        }
    }
}
