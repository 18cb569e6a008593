package kotone.common.client;

/**
 * Another service refused a call with a 4xx: the request was wrong or named something that does not exist. The service
 * is up, so this is never counted against its availability (no retry, no circuit breaker).
 */
public class UpstreamRefused extends RuntimeException {

    private final int status;

    public UpstreamRefused(int status, String detail) {
        super("HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
