package kotone.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kotone.gateway.routing.Route;
import kotone.gateway.routing.RouteTable;
import kotone.gateway.routing.Upstream;

/**
 * Makes one OpenAPI document of the services' own: each operation the gateway routes appears under {@code /api/v1} with
 * the role it needs ({@code x-kotone-role}), the key it asks for and the gateway's own errors; operations the gateway
 * does not route (health, metrics) are left out. Each service's schemas are named after it ({@code eval.EvalRun}) so
 * that two services' {@code Problem} never collide.
 */
public final class OpenApiMerger {

    static final String PUBLIC_PREFIX = "/api/v1/";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RouteTable routes;

    public OpenApiMerger(RouteTable routes) {
        this.routes = routes;
    }

    /** @param documents each service's document, empty for a service that could not be read */
    public ObjectNode merge(Map<Upstream, Optional<JsonNode>> documents, String version) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "kotone API");
        info.put("version", version);
        info.put("description", "Everything under /api/v1, answered by the service each operation names. Send a key in X-API-Key; "
                + "roles are client, analyst (includes client) and admin (includes analyst); x-kotone-role names the least role an "
                + "operation needs. 401 without a valid key, 403 for the wrong role, 503 (504 on timeout) naming a service that "
                + "cannot answer; every error is application/problem+json.");
        merged.putArray("security").addObject().putArray("apiKey");
        ObjectNode components = merged.putObject("components");
        ObjectNode scheme = components.putObject("securitySchemes").putObject("apiKey");
        scheme.put("type", "apiKey");
        scheme.put("in", "header");
        scheme.put("name", "X-API-Key");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("gateway.Problem", gatewayProblem());
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = merged.putArray("tags");
        ArrayNode missing = JSON.arrayNode();
        for (Upstream upstream : Upstream.values()) {
            Optional<JsonNode> document = documents.getOrDefault(upstream, Optional.empty());
            if (document.isEmpty()) {
                missing.add(upstream.serviceName());
                continue;
            }
            tags.addObject().put("name", upstream.key()).put("description", "answered by the " + upstream.serviceName());
            addSchemas(upstream, document.get(), schemas);
            addOperations(upstream, document.get(), paths);
        }
        if (!missing.isEmpty()) {
            info.set("x-kotone-missing", missing);
            info.put("description", info.get("description").asText() + " This document lacks the operations of " + missing
                    + ", which could not be read; reload it once they are up.");
        }
        return merged;
    }

    private static void addSchemas(Upstream upstream, JsonNode document, ObjectNode schemas) {
        JsonNode own = document.path("components").path("schemas");
        own.fields().forEachRemaining(schema -> schemas.set(upstream.key() + "." + schema.getKey(), renamed(upstream, schema.getValue().deepCopy())));
    }

    private void addOperations(Upstream upstream, JsonNode document, ObjectNode paths) {
        document.path("paths").fields().forEachRemaining(path -> {
            String relative = path.getKey().replaceFirst("^/+", "");
            if (relative.startsWith("q/")) {
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                Optional<Route> route = routes.match(operation.getKey().toUpperCase(), relative);
                if (route.isEmpty() || route.get().upstream() != upstream) {
                    continue;
                }
                ObjectNode item = paths.has(PUBLIC_PREFIX + relative) ? (ObjectNode) paths.get(PUBLIC_PREFIX + relative)
                        : paths.putObject(PUBLIC_PREFIX + relative);
                item.set(operation.getKey(), publicOperation(upstream, route.get(), (ObjectNode) renamed(upstream, operation.getValue().deepCopy())));
            }
        });
    }

    private static ObjectNode publicOperation(Upstream upstream, Route route, ObjectNode operation) {
        String role = route.role().key();
        operation.put("x-kotone-role", role);
        String own = operation.path("description").asText("");
        operation.put("description", "Role: " + role + ". Answered by the " + upstream.serviceName() + "." + (own.isEmpty() ? "" : "\n\n" + own));
        operation.putArray("tags").add(upstream.key());
        operation.putArray("security").addObject().putArray("apiKey");
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        gatewayError(responses, "401", "no valid key in X-API-Key");
        gatewayError(responses, "403", "the key's role is below " + role);
        gatewayError(responses, "429", "over the key's or the address's rate limit; Retry-After says when to try again");
        gatewayError(responses, "503", "the " + upstream.serviceName() + " cannot answer; detail names it");
        gatewayError(responses, "504", "the " + upstream.serviceName() + " did not answer in time");
        return operation;
    }

    private static void gatewayError(ObjectNode responses, String code, String description) {
        if (responses.has(code)) {
            return;
        }
        ObjectNode response = responses.putObject(code);
        response.put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", SCHEMAS + "gateway.Problem");
    }

    private static ObjectNode gatewayProblem() {
        ObjectNode problem = JSON.objectNode();
        problem.put("type", "object");
        problem.put("description", "An RFC 9457 problem detail, as the gateway writes it");
        ObjectNode properties = problem.putObject("properties");
        for (String name : List.of("type", "title", "detail", "instance")) {
            properties.putObject(name).put("type", "string");
        }
        properties.putObject("status").put("type", "integer");
        return problem;
    }

    /** Points every schema reference at the service's own, renamed schemas. */
    private static JsonNode renamed(Upstream upstream, JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                object.set("$ref", TextNode.valueOf(SCHEMAS + upstream.key() + "." + ref.asText().substring(SCHEMAS.length())));
            }
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                renamed(upstream, object.get(name));
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> renamed(upstream, element));
        }
        return node;
    }
}
