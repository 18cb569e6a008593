package kotone.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import kotone.common.problem.Problem;

/** Writes problem+json answers from the gateway's own route, where no JAX-RS mapper runs. */
public final class ProblemWriter {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemWriter() {
    }

    public static void write(HttpServerResponse response, Problem problem) {
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "ApiKey header=\"" + API_KEY_HEADER + "\"");
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(problem));
    }

    public static String json(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }
}
