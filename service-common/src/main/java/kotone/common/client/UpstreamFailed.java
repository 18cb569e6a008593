package kotone.common.client;

/** Another service answered a call with a 5xx: it is up but cannot do its work (a dependency of its own is down, or a bug). */
public class UpstreamFailed extends RuntimeException {

    private final int status;

    public UpstreamFailed(int status, String detail) {
        super("HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
