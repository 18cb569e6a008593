package kotone.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns another service's error answer into {@link UpstreamRefused} (4xx) or {@link UpstreamFailed} (5xx), with the
 * problem+json {@code detail} when there is one. Registered on every REST client interface.
 */
public class UpstreamStatus implements ResponseExceptionMapper<RuntimeException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    @Override
    public RuntimeException toThrowable(Response response) {
        String detail = detail(response);
        return response.getStatus() < 500 ? new UpstreamRefused(response.getStatus(), detail) : new UpstreamFailed(response.getStatus(), detail);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static String detail(Response response) {
        String body;
        try {
            response.bufferEntity();
            body = response.readEntity(String.class);
        } catch (RuntimeException e) {
            return null;
        }
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("detail").isTextual()) {
                return abbreviate(problem.path("detail").asText());
            }
        } catch (java.io.IOException e) {
            // not JSON: the body itself says what happened
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }
}
