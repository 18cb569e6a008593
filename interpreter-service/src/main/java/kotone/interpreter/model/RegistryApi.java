package kotone.interpreter.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kotone.common.client.UpstreamStatus;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The dataset service's model registry, as the interpreter reads it ({@code quarkus.rest-client.dataset.*}). */
@RegisterRestClient(configKey = "dataset")
@RegisterProvider(UpstreamStatus.class)
public interface RegistryApi {

    @GET
    @Path("/models/promoted")
    @Produces(MediaType.APPLICATION_JSON)
    ModelEntry promoted();

    @GET
    @Path("/models/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    ModelEntry model(@PathParam("version") int version);

    @GET
    @Path("/models/{version}/weights")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    byte[] weights(@PathParam("version") int version);

    @GET
    @Path("/models/shadow")
    @Produces(MediaType.APPLICATION_JSON)
    ShadowEntry shadow();

    /** The candidate to read live requests with in the background. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShadowEntry(Integer version) {
    }

    /** What the interpreter needs of a registry entry: which version, trained how, and the hash its weights must have. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelEntry(Integer version, String method, String weightsSha256) {
    }
}
