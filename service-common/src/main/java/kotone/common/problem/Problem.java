package kotone.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail; {@code errors} names each field that was wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, null, errors.isEmpty() ? null : List.copyOf(errors));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
