package kotone.common.openapi;

import java.util.Map;
import kotone.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the errors every operation can answer, as the exception mappers write them: a 400 naming the field where
 * the operation takes a body or parameters, a 404 where its path names something, a 500 for a bug and a 503 naming a
 * dependency that is down, each an {@code application/problem+json} {@link Problem}. Operations declare their own
 * other errors (409, 422) with {@code @APIResponse}; this adds only what they leave out.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema()).addSchema("FieldError", fieldErrorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/q/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue());
            }
        });
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            addIfAbsent(responses, "400", "the body or a parameter is wrong; errors names each field, and nothing changed");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "nothing has the identifier in the path");
        }
        addIfAbsent(responses, "500", "a bug: the failure is logged");
        addIfAbsent(responses, "503", "a dependency (a service or the database) is down; detail names it");
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
        responses.addAPIResponse(code, response);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("An RFC 9457 problem detail")
                .addProperty("type", string("about:blank"))
                .addProperty("title", string("the status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("what went wrong, in words; names the dependency when one is down"))
                .addProperty("instance", string("the path that was called"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("the field's path in the body (items[2].vector.energy) or the parameter's name"))
                .addProperty("message", string("what is wrong with it"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
