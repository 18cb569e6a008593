package kotone.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a service's OpenAPI document must show for every operation: the shape of a successful answer and the problems
 * it can answer with. Called by each service's start test.
 */
public final class OpenApiCheck {

    private OpenApiCheck() {
    }

    public static void everyOperationShowsItsShapesAndErrors() {
        JsonPath document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/q/")) {
                return;
            }
            operations.forEach((method, operation) -> {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                String name = method.toUpperCase() + " " + path;
                if (responses == null) {
                    undocumented.add(name + ": no responses");
                    return;
                }
                boolean success = responses.entrySet().stream().anyMatch(response -> response.getKey().startsWith("2")
                        && (response.getKey().equals("204") || everyMediaTypeHasASchema(response.getValue().get("content"))));
                if (!success) {
                    undocumented.add(name + ": no successful answer with the shape of its body");
                }
                Map<String, Object> unavailable = responses.get("503");
                if (unavailable == null || !String.valueOf(unavailable.get("content")).contains("application/problem+json")) {
                    undocumented.add(name + ": no 503 problem");
                }
                String summary = String.valueOf(operation.get("summary"));
                // Quarkus makes a summary of the method name ("Get") when an operation has none of its own
                if (!summary.contains(" ")) {
                    undocumented.add(name + ": no summary of its own");
                }
            });
        });
        assertThat(undocumented).isEmpty();
        assertThat(document.getMap("components.schemas")).containsKey("Problem");
    }

    private static boolean everyMediaTypeHasASchema(Object content) {
        if (!(content instanceof Map<?, ?> mediaTypes) || mediaTypes.isEmpty()) {
            return false;
        }
        return mediaTypes.values().stream().allMatch(mediaType -> mediaType instanceof Map<?, ?> map && map.get("schema") instanceof Map<?, ?> schema
                && !schema.isEmpty());
    }
}
