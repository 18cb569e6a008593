package kotone.interpreter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import kotone.common.problem.ProblemException;
import kotone.interpreter.model.ActiveModel;
import kotone.interpreter.model.ModelPoller;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ActiveModel active;
    private final ModelPoller poller;

    public ModelResource(ActiveModel active, ModelPoller poller) {
        this.active = active;
        this.poller = poller;
    }

    @GET
    @Path("/active")
    @Operation(summary = "Which local model version this instance serves")
    public ActiveModelView active() {
        return active.get()
                .map(model -> new ActiveModelView(model.version(), model.method(), model.weightsSha256(), model.loadedAt(), null, poller.lastProblem()))
                .orElseGet(() -> new ActiveModelView(null, null, null, null,
                        "no local model promoted yet; run ./kotone bootstrap or train and promote one", poller.lastProblem()));
    }

    /**
     * @param version null while no model is promoted, and then {@code state} says so
     * @param lastCheckProblem why the last look at the registry failed, if it did
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActiveModelView(@JsonInclude(JsonInclude.Include.ALWAYS) Integer version, String method, String weightsSha256, Instant loadedAt,
            String state, String lastCheckProblem) {
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Check the promoted version now instead of at the next poll")
    public ActiveModelView reload() {
        try {
            poller.reloadNow();
        } catch (Exception e) {
            throw ProblemException.unavailable("could not check the promoted model: " + e.getMessage());
        }
        return active();
    }
}
