package kotone.core.llm;

import java.time.Duration;

/** A chat-completions call that gave no usable answer, and whether trying again could help. */
public final class LlmException extends Exception {

    public enum Kind {
        TIMEOUT,
        CONNECTION,
        HTTP_STATUS,
        BAD_RESPONSE
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public LlmException(Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Only rate limits and server errors are worth a retry; a 4xx will fail the same way again. */
    public boolean retryable() {
        return kind == Kind.HTTP_STATUS && (status == 429 || status >= 500);
    }

    /** A short reason for meta.fallbackReason and eval rows: "llm_http_429", "llm_timeout", ... */
    public String reason() {
        return switch (kind) {
            case TIMEOUT -> "llm_timeout";
            case CONNECTION -> "llm_unreachable";
            case HTTP_STATUS -> "llm_http_" + status;
            case BAD_RESPONSE -> "llm_bad_response";
        };
    }
}
