package kotone.interpreter.rest.dto;

import java.util.Map;

/**
 * What happened while interpreting.
 *
 * @param modelSource what answered (rule_baseline, local_model, prompt_baseline, fine_tuned); for a blend, the larger share
 * @param sources the share of each source in the vector when several were combined, else the one source with 1.0
 * @param jsonValid false when an LLM answered but its answer failed validation (and was not served)
 * @param fallbackReason why a rung higher on the ladder did not answer, or null
 * @param costUsd the configured price of this request, or null when the price is unknown
 */
public record Meta(String modelSource, String modelVersion, Map<String, Double> sources, boolean jsonValid, String parseError,
        String fallbackReason, double latencyMs, String traceId, Double costUsd) {
}
