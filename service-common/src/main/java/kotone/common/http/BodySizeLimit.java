package kotone.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;

/**
 * Refuses a body whose declared length exceeds the limit with a 413 problem, before any of it is read.
 * Chunked bodies without a length are held to the same limit by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final HttpLimits limits;
    private final ObjectMapper mapper;

    public BodySizeLimit(HttpLimits limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        long max = limits.maxBodySize().asLongValue();
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredLength(length) > max) {
                Problem problem = Problem.of(413, "Content Too Large",
                        "the body has " + length + " bytes; at most " + max + " are accepted",
                        List.of(new FieldError("body", "larger than " + max + " bytes"))).at(context.request().path());
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json(problem));
                return;
            }
            context.next();
        });
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
