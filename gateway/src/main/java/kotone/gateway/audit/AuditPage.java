package kotone.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.gateway.auth.ApiKeyRegistry;
import kotone.gateway.auth.Role;
import kotone.gateway.http.ProblemWriter;

/** {@code GET /api/v1/audit?limit=&offset=}: the audit log, newest first, for analysts and admins; the gateway answers it. */
@ApplicationScoped
public class AuditPage {

    public static final String PATH = "audit";

    /** A page of the audit log. */
    public record Page(List<AuditEntry> items, int limit, int offset) {
    }

    private final AuditLog log;
    private final ObjectMapper json;

    public AuditPage(AuditLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    public void serve(RoutingContext context, ApiKeyRegistry.KeyHolder holder) {
        String path = context.request().path();
        if (!"GET".equals(context.request().method().name())) {
            ProblemWriter.write(context.response(), Problem.of(405, "Method Not Allowed", context.request().method().name() + " is not allowed on " + path).at(path));
            return;
        }
        if (!holder.role().includes(Role.ANALYST)) {
            ProblemWriter.write(context.response(), Problem.of(403, "Forbidden", "GET " + path + " needs the analyst role; this key has "
                    + holder.role().key()).at(path));
            return;
        }
        Integer limit = integer(context, "limit", 50, 1, 500);
        Integer offset = limit == null ? null : integer(context, "offset", 0, 0, Integer.MAX_VALUE);
        if (limit == null || offset == null) {
            return;
        }
        context.vertx().executeBlocking(() -> json.writeValueAsString(new Page(log.page(limit, offset), limit, offset)), false)
                .onSuccess(body -> context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body))
                .onFailure(failure -> ProblemWriter.write(context.response(), Problem.of(503, "Service Unavailable",
                        "the audit log cannot be read: " + (failure instanceof JsonProcessingException ? "it could not be written as JSON" : failure.getMessage())).at(path)));
    }

    /** The query parameter within its bounds, or null after answering 400 naming it. */
    private static Integer integer(RoutingContext context, String name, int fallback, int min, int max) {
        String value = context.request().getParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String path = context.request().path();
        ProblemWriter.write(context.response(), Problem.of(400, "Bad Request", name + " must be a whole number from " + min + " to " + max,
                List.of(new FieldError(name, "must be a whole number from " + min + " to " + max))).at(path));
        return null;
    }
}
