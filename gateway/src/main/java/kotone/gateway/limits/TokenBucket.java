package kotone.gateway.limits;

/** {@code burst} tokens at most, refilled continuously at {@code perSecond}; each request takes one. */
final class TokenBucket {

    private final double perSecond;
    private final int burst;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.updatedNanos = nowNanos;
    }

    synchronized Verdict take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return new Verdict(true, burst, window(), (long) Math.floor(tokens), secondsUntil(burst), 0);
        }
        return new Verdict(false, burst, window(), 0, secondsUntil(burst), secondsUntil(1));
    }

    /** Whether the bucket is full again: nobody has used it for a while, so it may be forgotten. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        double elapsed = (nowNanos - updatedNanos) / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond);
            updatedNanos = nowNanos;
        }
    }

    private long window() {
        return Math.max(1, Math.round(burst / perSecond));
    }

    private long secondsUntil(double level) {
        return tokens >= level ? 0 : Math.max(1, (long) Math.ceil((level - tokens) / perSecond));
    }
}
