package kotone.eval.cards;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import kotone.common.tracing.Traceparent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/eval/model-cards")
@Produces(MediaType.APPLICATION_JSON)
public class ModelCardResource {

    private final ModelCards cards;

    public ModelCardResource(ModelCards cards) {
        this.cards = cards;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Measure a model version in the rule, local and auto modes on every guard (202); the results appear on its "
            + "model card, GET /models/{version}, as guardReport")
    @APIResponse(responseCode = "202", description = "started; Location names the model card", content = @Content(schema = @Schema(implementation = ModelCardView.class)))
    public Response start(@Valid @NotNull StartModelCardRequest request) {
        String traceparent = Traceparent.current();
        ModelCardView view = cards.start(request.modelVersion(), traceparent);
        return Response.accepted(view).location(URI.create(view.modelCard())).build();
    }
}
