package kotone.dataset.traffic;

/**
 * What deleting one live request by its trace id removed: the record, its labels and skips, the teacher pairs made from
 * its labels and the dataset rows those pairs had become. Models already trained on such rows are not retrained.
 */
public record Erasure(String traceId, int liveRequests, int labels, int pairs, int datasetRows) {
}
