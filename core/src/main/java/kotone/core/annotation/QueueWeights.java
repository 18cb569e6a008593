package kotone.core.annotation;

/**
 * How the annotation queue weighs what makes a request worth a label.
 *
 * @param disagreementPoints the disagreement (in points) that counts as full: 25 means sources 25 points apart score 1
 * @param novelty the weight of novelty against a full disagreement's 1
 * @param nearDuplicate the word-unit Jaccard similarity at or above which two texts are the same request
 */
public record QueueWeights(double disagreementPoints, double novelty, double nearDuplicate) {
}
