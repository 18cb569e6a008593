package kotone.core.scoring;

import kotone.core.vector.MusicVector;

/** How well a selection meets a profile, with the composed vector it produced. */
public record Score(int total, Rank rank, ScoreBreakdown breakdown, MusicVector composedVector, double vectorDistance) {
}
