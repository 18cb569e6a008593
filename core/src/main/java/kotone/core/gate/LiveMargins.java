package kotone.core.gate;

/**
 * What the gate asks of a candidate's live evidence.
 *
 * @param minRequests fewer shadowed live requests with an expectation than this are not enough to judge: the live part then
 *        neither passes nor blocks, and says so
 * @param maxExpectationDrop how far the candidate's share of expectations met on live texts may fall below the champion's
 *        at the worse end of its 95% paired interval (0.05 is five points)
 * @param maxCandidateP95Ms the candidate's own reading time at the 95th percentile, in ms
 */
public record LiveMargins(int minRequests, double maxExpectationDrop, double maxCandidateP95Ms) {
}
