package kotone.dataset.traffic;

import java.time.Instant;
import java.util.Map;
import kotone.core.vector.MusicVector;

/**
 * A stored live request; {@code id} is the annotation queue's item id.
 *
 * @param shadow the shadowed candidate's reading, or null
 */
public record LiveRequest(long id, String traceId, Instant servedAt, String text, String language, String inputType, String weather, String mode,
        String servedSource, String modelVersion, MusicVector served, Map<String, MusicVector> readings, Double coverage, double latencyMs,
        ShadowReading shadow) {
}
