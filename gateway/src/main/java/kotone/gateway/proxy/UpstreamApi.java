package kotone.gateway.proxy;

import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Any upstream at its REST contract: the gateway passes the body and the headers that matter through
 * unchanged and takes the answer as it is. One client is built per upstream ({@link UpstreamClients}); each
 * call names the full URL, path and query included, since the gateway relays paths it does not model.
 */
@Consumes(MediaType.WILDCARD)
public interface UpstreamApi {

    @GET
    Uni<Response> get(@Url String url, @HeaderParam("Accept") String accept,
            @HeaderParam("Accept-Language") String acceptLanguage);

    @POST
    Uni<Response> post(@Url String url, @HeaderParam("Accept") String accept,
            @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Content-Type") String contentType,
            byte[] body);

    @PUT
    Uni<Response> put(@Url String url, @HeaderParam("Accept") String accept,
            @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Content-Type") String contentType,
            byte[] body);

    @DELETE
    Uni<Response> delete(@Url String url, @HeaderParam("Accept") String accept,
            @HeaderParam("Accept-Language") String acceptLanguage);
}
