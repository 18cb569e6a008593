package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The interpreter's answers to a batch, in the items' order: each a reading, or the problem a single call would have answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterpretBatchAnswer(List<Item> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(InterpretAnswer answer, Refusal problem) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refusal(int status, String detail) {

        /** As a single call's refusal reads ("HTTP 422: ..."). */
        public String describe() {
            return "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
        }
    }
}
