package kotone.eval.clients;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kotone.common.client.UpstreamStatus;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The interpreter service's REST contract, as eval uses it ({@code quarkus.rest-client.interpreter.*}). */
@RegisterRestClient(configKey = "interpreter")
@RegisterProvider(UpstreamStatus.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface InterpreterApi {

    /** Eval's readings are not players' requests: they are never recorded as live traffic. */
    @POST
    @Path("/interpret")
    @ClientHeaderParam(name = "Kotone-Capture", value = "off")
    InterpretAnswer interpret(InterpretCall call);

    /** Many in-process readings in one call (rule or local mode). */
    @POST
    @Path("/interpret/batch")
    InterpretBatchAnswer interpretAll(InterpretBatchCall call);

    /** Makes the interpreter check the promoted model now; answers the model it serves. */
    @POST
    @Path("/models/reload")
    ServedModel reload();

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ServedModel(Integer version) {
    }
}
