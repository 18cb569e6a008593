package kotone.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import kotone.gateway.routing.RouteTable;
import kotone.gateway.routing.Upstream;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiMerger merger = new OpenApiMerger(new RouteTable());

    @Test
    void everyRoutedOperationAppearsUnderApiV1WithItsRoleAndTheServicesSchemasNamedAfterIt() throws Exception {
        JsonNode eval = JSON.readTree("""
                {"paths": {
                   "/eval/runs": {
                     "get": {"summary": "Run history", "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunPage"}}}}}},
                     "post": {"summary": "Queue a run", "responses": {"202": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvalRun"}}}}}}},
                   "/q/health": {"get": {"summary": "health"}},
                   "/eval/unrouted-path": {"get": {"summary": "not public"}}},
                 "components": {"schemas": {"EvalRun": {"type": "object"}, "RunPage": {"type": "object",
                   "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/EvalRun"}}}}}}}
                """);
        Map<Upstream, Optional<JsonNode>> documents = new EnumMap<>(Upstream.class);
        documents.put(Upstream.EVAL, Optional.of(eval));
        documents.put(Upstream.INTERPRETER, Optional.of(JSON.readTree("""
                {"paths": {"/interpret": {"post": {"summary": "Read a request", "responses": {"200": {"description": "ok"}}}}}}""")));

        ObjectNode merged = merger.merge(documents, "1.0");

        assertThat(merged.at("/paths/~1api~1v1~1eval~1runs/get/x-kotone-role").asText()).isEqualTo("analyst");
        assertThat(merged.at("/paths/~1api~1v1~1eval~1runs/post/x-kotone-role").asText()).isEqualTo("admin");
        assertThat(merged.at("/paths/~1api~1v1~1interpret/post/x-kotone-role").asText()).isEqualTo("client");
        assertThat(merged.at("/paths/~1api~1v1~1eval~1runs/post/responses/202/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/eval.EvalRun");
        assertThat(merged.at("/components/schemas/eval.RunPage/properties/items/items/$ref").asText()).isEqualTo("#/components/schemas/eval.EvalRun");
        assertThat(merged.at("/paths/~1api~1v1~1eval~1runs/post/responses/403/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/gateway.Problem");
        assertThat(merged.at("/components/schemas/gateway.Problem").isObject()).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1interpret/post/responses").has("429")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1eval~1runs/get/description").asText()).startsWith("Role: analyst. Answered by the eval-service.");
        assertThat(merged.path("paths").has("/api/v1/q/health")).isFalse();
        assertThat(merged.path("paths").has("/api/v1/eval/unrouted-path")).isFalse();
        assertThat(merged.at("/info/x-kotone-missing").toString()).contains("scoring-service", "dataset-service").doesNotContain("eval-service");
    }

    @Test
    void anOperationIsListedOnlyUnderTheServiceTheGatewaySendsItTo() throws Exception {
        JsonNode sameDocument = JSON.readTree("""
                {"paths": {"/score": {"post": {"summary": "Score", "responses": {"200": {"description": "ok"}}}}}}""");
        Map<Upstream, Optional<JsonNode>> documents = new EnumMap<>(Upstream.class);
        documents.put(Upstream.INTERPRETER, Optional.of(sameDocument));
        documents.put(Upstream.SCORING, Optional.of(sameDocument));

        ObjectNode merged = merger.merge(documents, "1.0");

        assertThat(merged.at("/paths/~1api~1v1~1score/post/tags/0").asText()).isEqualTo("scoring");
    }
}
