package kotone.core.dataset;

import kotone.core.vector.MusicVector;

/** A text of a stored teacher pair, before the quality filter decides whether it enters a dataset. */
public record CandidateRow(long pairId, SourceType sourceType, String text, MusicVector label) {
}
