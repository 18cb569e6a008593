package kotone.interpreter.traffic;

import kotone.core.vector.MusicVector;

/** The shadowed candidate's reading of a live request: rules and candidate combined as auto does, and how long it took. */
public record ShadowReading(int version, MusicVector vector, double latencyMs) {
}
