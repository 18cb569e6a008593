package kotone.common.problem;

/** One field of a request that was wrong, and why. */
public record FieldError(String field, String message) {
}
