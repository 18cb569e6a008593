package kotone.core.annotation;

/**
 * A candidate as the queue ranked it.
 *
 * @param disagreement the largest mean absolute difference between two sources' readings, in points (0-100)
 * @param novelty the share of its word units the training data lacks (0-1)
 * @param priority what the queue sorted by: disagreement and novelty combined, before the balance across groups
 */
public record QueuedItem(QueueCandidate candidate, double disagreement, double novelty, double priority) {
}
