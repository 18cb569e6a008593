package kotone.common.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query or path parameter that is not of its type ({@code limit=ten}, an offset past an int): JAX-RS answers 404 for
 * it, as if the resource were missing. It is the caller's mistake, so this makes it a 400 that names the parameter,
 * found by the value the conversion refused.
 */
final class ParameterProblems {

    private static final Pattern INPUT = Pattern.compile("For input string: \"(.*)\"");

    private ParameterProblems() {
    }

    static Optional<Problem> of(WebApplicationException e, UriInfo uri) {
        if (!(e instanceof NotFoundException) || !(e.getCause() instanceof IllegalArgumentException conversion) || uri == null) {
            return Optional.empty();
        }
        Matcher input = INPUT.matcher(String.valueOf(conversion.getMessage()));
        String value = input.find() ? input.group(1) : null;
        String name = value == null ? "parameter"
                : named(uri.getQueryParameters(), value).or(() -> named(uri.getPathParameters(), value)).orElse("parameter");
        String message = conversion instanceof NumberFormatException
                ? "must be a whole number" + (value == null ? "" : " (got '" + value + "')")
                : "is not of its type: " + conversion.getMessage();
        return Optional.of(Problem.of(400, "Bad Request", name + ": " + message, List.of(new FieldError(name, message))));
    }

    private static Optional<String> named(MultivaluedMap<String, String> parameters, String value) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().contains(value)) {
                return Optional.of(parameter.getKey());
            }
        }
        return Optional.empty();
    }
}
