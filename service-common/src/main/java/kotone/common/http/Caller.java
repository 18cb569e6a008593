package kotone.common.http;

/**
 * Who made a request, as the gateway names them to the services behind it: {@code role:keyId}, where the key id is the
 * first 12 hex digits of the SHA-256 of the API key (never the key). The gateway sets the header on every call it
 * passes on and drops any the client sent; a call that did not come through the gateway names no one.
 */
public final class Caller {

    public static final String HEADER = "X-Kotone-Caller";
    public static final String DIRECT = "direct call (not through the gateway)";

    private Caller() {
    }

    /** The caller named by the header, or {@link #DIRECT} when there is none. */
    public static String of(String header) {
        return header == null || header.isBlank() ? DIRECT : header.strip();
    }
}
