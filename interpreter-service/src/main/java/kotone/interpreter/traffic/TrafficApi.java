package kotone.interpreter.traffic;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The dataset service's store of live traffic, as the interpreter writes to it ({@code quarkus.rest-client.dataset.*}). */
@RegisterRestClient(configKey = "dataset")
@Path("/traffic")
public interface TrafficApi {

    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CaptureReceipt store(CaptureBatch batch);
}
