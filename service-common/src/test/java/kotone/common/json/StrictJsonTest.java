package kotone.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Request(String text, Integer count, Boolean flag, List<String> ids, Map<String, Integer> vector) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void readsAWellFormedBodyAsItIs() throws JsonProcessingException {
        Request request = mapper.readValue("{\"text\": \"雨の夜\", \"count\": 3, \"flag\": true, \"ids\": [\"a\"], \"vector\": {\"energy\": 40}}",
                Request.class);
        assertThat(request).isEqualTo(new Request("雨の夜", 3, true, List.of("a"), Map.of("energy", 40)));
    }

    @Test
    void aNumberOrABooleanIsNotText() {
        assertThatThrownBy(() -> mapper.readValue("{\"text\": 42}", Request.class)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> mapper.readValue("{\"text\": 4.2}", Request.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"text\": false}", Request.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"ids\": [7]}", Request.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void textIsNotANumberOrABoolean() {
        assertThatThrownBy(() -> mapper.readValue("{\"count\": \"3\"}", Request.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"vector\": {\"energy\": \"40\"}}", Request.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"flag\": \"true\"}", Request.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"flag\": 1}", Request.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"count\": 3.5}", Request.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a\", \"text\": \"b\"}", Request.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> mapper.readValue("{\"vector\": {\"energy\": 1, \"energy\": 2}}", Request.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void textHoldsNoNulCharacter() {
        assertThatThrownBy(() -> mapper.readValue("{\"text\": \"calm\\u0000piano\"}", Request.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("NUL").hasMessageContaining("text");
        assertThatThrownBy(() -> mapper.readValue("{\"ids\": [\"a\\u0000\"]}", Request.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void nothingMayFollowTheValue() {
        assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a\"} {}", Request.class)).isInstanceOf(JsonProcessingException.class);
    }
}
