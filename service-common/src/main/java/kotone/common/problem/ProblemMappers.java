package kotone.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.CharConversionException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: what the caller got wrong is a 4xx naming the
 * field; anything else is a 500 whose detail reveals nothing internal.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int MAX_LISTED_ERRORS = 50;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> containsKind(v, ElementKind.RETURN_VALUE));
        if (returnValue) {
            LOG.error("a response failed validation", e);
            return respond(Problem.of(500, "Internal Server Error", "the service produced an invalid answer"), uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing((FieldError f) -> f.field().length()).thenComparing(FieldError::field)
                        .thenComparing(FieldError::message))
                .toList();
        List<FieldError> shown = errors.stream().limit(MAX_LISTED_ERRORS).toList();
        String detail = errors.size() > shown.size()
                ? describe(shown) + "; and " + (errors.size() - shown.size()) + " more"
                : describe(shown);
        return respond(Problem.of(400, "Bad Request", detail, shown), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    // Quarkus maps these two itself; naming them here makes ours the closest match.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response encoding(CharConversionException e, UriInfo uri) {
        return respond(Problem.of(400, "Bad Request", "the body is not valid UTF-8",
                List.of(new FieldError("body", "not valid UTF-8"))), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        java.util.Optional<Problem> parameter = ParameterProblems.of(e, uri);
        if (parameter.isPresent()) {
            return respond(parameter.get(), uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("request failed", e);
        }
        String detail = status.getStatusCode() >= 500 || e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail), uri);
    }

    /** Another service this one needs is down: a 503 that names it. */
    @ServerExceptionMapper
    public Response dependencyDown(kotone.common.client.DependencyDown e, UriInfo uri) {
        LOG.warnf("%s %s", uri == null ? "" : uri.getPath(), e.getMessage());
        return respond(Problem.of(503, "Service Unavailable", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        // a JSON failure wrapped by anything but the body reader (the ORM writing a column, a client reading an answer) is ours, not the caller's
        java.util.Optional<Throwable> database = Causes.find(e, DatabaseOutage::is);
        if (database.isPresent()) {
            LOG.warnf("%s: the database is unavailable: %s", uri == null ? "" : uri.getPath(), database.get().getMessage());
            return respond(Problem.of(503, "Service Unavailable", "the database is unavailable: " + database.get().getMessage()), uri);
        }
        if (callerLeft(e)) {
            // the caller closed the connection while its body was read: nobody is left to answer
            LOG.debugf("caller left during %s: %s", uri == null ? "?" : uri.getPath(), e);
            return respond(Problem.of(400, "Bad Request", "the connection closed before the body was read"), uri);
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred; it has been logged"), uri);
    }

    static Problem jsonProblem(JsonProcessingException e) {
        Throwable parseFailure = parseFailure(e);
        if (parseFailure != null) {
            String reason = parseFailure instanceof CharConversionException
                    || String.valueOf(parseFailure.getMessage()).contains("UTF")
                    ? "not valid UTF-8" : "malformed JSON: " + firstLine(((JsonProcessingException) parseFailure).getOriginalMessage());
            return Problem.of(400, "Bad Request", "the body is " + reason, List.of(new FieldError("body", reason)));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return Problem.of(400, "Bad Request", "the body is not valid JSON", List.of(new FieldError("body", "not valid JSON")));
        }
        String field = FieldPaths.of(mapping.getPath());
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = FieldPaths.of(unknown.getPath());
            message = "unknown field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()).toLowerCase()
                    + ", got " + invalid.getValue();
        } else if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            message = instantiation.getCause().getMessage();
        } else {
            message = "has the wrong type or shape: " + firstLine(e.getOriginalMessage());
        }
        return Problem.of(400, "Bad Request", field + " " + message, List.of(new FieldError(field, message)));
    }

    private static boolean callerLeft(Throwable e) {
        return Causes.any(e, t -> t instanceof java.nio.channels.ClosedChannelException
                || t.getClass().getName().equals("io.vertx.core.http.HttpClosedException"));
    }

    /** The parse error in the cause chain, if the body was not well-formed JSON or not UTF-8. */
    private static Throwable parseFailure(Throwable e) {
        return Causes.find(e, t -> t instanceof JsonParseException || t instanceof CharConversionException).orElse(null);
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.split("\n")[0];
        int source = line.indexOf(" at [Source");
        return source > 0 ? line.substring(0, source) : line;
    }

    private static boolean containsKind(ConstraintViolation<?> violation, ElementKind kind) {
        for (var node : violation.getPropertyPath()) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.at(uri.getPath());
        return Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }
}
