package kotone.core.traffic;

import kotone.core.vector.MusicVector;

/**
 * One live request read by the champion (what was served) and, in the background, by the candidate.
 *
 * @param rules the rules' own reading of it, or null when they were not consulted
 */
public record ShadowPair(MusicVector served, MusicVector candidate, MusicVector rules, double servedLatencyMs, double candidateLatencyMs) {
}
