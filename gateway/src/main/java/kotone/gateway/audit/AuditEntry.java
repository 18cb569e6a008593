package kotone.gateway.audit;

import java.time.Instant;

/**
 * One call to an admin operation: who by key id and role, what by method and path, when, and how it ended.
 *
 * @param status the HTTP status the caller got (a 403 when the key's role was below admin)
 */
public record AuditEntry(Instant at, String keyId, String role, String method, String path, int status, long durationMs, String traceId) {
}
