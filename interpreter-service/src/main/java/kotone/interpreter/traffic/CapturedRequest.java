package kotone.interpreter.traffic;

import java.time.Instant;
import java.util.Map;
import kotone.core.vector.MusicVector;

/**
 * One served request as the dataset service stores it.
 *
 * @param inputType {@code rule_prompt} when the request named catalog parts, {@code request_text} when it did not, null when the
 *        rules were not consulted (the LLM answered alone)
 * @param mode the mode asked for (auto when none was)
 * @param readings each source's own reading before they were combined
 * @param coverage how familiar the words were to the local model (0-1), or null when it did not read the request
 * @param shadow the shadowed candidate's reading, when one was shadowed on this request
 */
public record CapturedRequest(String traceId, Instant servedAt, String text, String language, String inputType, String weather,
        String mode, String servedSource, String modelVersion, MusicVector served, Map<String, MusicVector> readings, Double coverage,
        double latencyMs, ShadowReading shadow) {

    CapturedRequest withShadow(ShadowReading reading) {
        return new CapturedRequest(traceId, servedAt, text, language, inputType, weather, mode, servedSource, modelVersion, served, readings,
                coverage, latencyMs, reading);
    }
}
