package kotone.gateway.limits;

/**
 * One bucket's answer to a request, with what the RateLimit headers say.
 *
 * @param quota the requests the bucket allows at once (its burst)
 * @param windowSeconds the time the bucket takes to refill from empty
 * @param remaining the requests left now
 * @param resetSeconds when the bucket is full again
 * @param retryAfterSeconds when a refused caller may try again (0 when allowed)
 */
public record Verdict(boolean allowed, long quota, long windowSeconds, long remaining, long resetSeconds, long retryAfterSeconds) {
}
