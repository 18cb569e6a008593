package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** What eval reads of the interpreter's answer; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterpretAnswer(HiddenParams hiddenParams, Map<String, List<String>> recommended, Meta meta) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HiddenParams(Map<String, Integer> vector) {
    }

    /**
     * @param modelSource what answered; a blend names the larger share
     * @param jsonValid false when an LLM's answer failed validation and was not served
     * @param costUsd the interpreter's price of this answer, or null when unknown
     * @param latencyMs the interpreter's own time for this answer (what a batched item's latency is)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(String modelSource, String modelVersion, Boolean jsonValid, String parseError, String fallbackReason, String traceId,
            Double costUsd, Double latencyMs) {
    }
}
