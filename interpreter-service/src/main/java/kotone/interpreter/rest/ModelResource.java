package kotone.interpreter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
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
    public Map<String, Object> active() {
        Map<String, Object> body = new LinkedHashMap<>();
        active.get().ifPresentOrElse(model -> {
            body.put("version", model.version());
            body.put("method", model.method());
            body.put("weightsSha256", model.weightsSha256());
            body.put("loadedAt", model.loadedAt().toString());
        }, () -> {
            body.put("version", null);
            body.put("state", "no local model promoted yet; run ./kotone bootstrap or train and promote one");
        });
        if (poller.lastProblem() != null) {
            body.put("lastCheckProblem", poller.lastProblem());
        }
        return body;
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Check the promoted version now instead of at the next poll")
    public Map<String, Object> reload() {
        try {
            poller.reloadNow();
        } catch (Exception e) {
            throw ProblemException.unavailable("could not check the promoted model: " + e.getMessage());
        }
        return active();
    }
}
