package kotone.dataset.annotations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/annotations")
@Produces(MediaType.APPLICATION_JSON)
public class AnnotationResource {

    private final AnnotationQueue queue;
    private final Labels labels;

    public AnnotationResource(AnnotationQueue queue, Labels labels) {
        this.queue = queue;
        this.labels = labels;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Live requests this key should label next: where the sources disagree most and the words are newest, "
            + "balanced across languages and input types, without near duplicates")
    public AnnotationQueueView queue(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @HeaderParam(Caller.HEADER) String caller) {
        return queue.next(Annotator.of(caller), limit);
    }

    @POST
    @Path("/{itemId}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Label a live request (201): it becomes a teacher pair with source human and this key's id; one label per key")
    @APIResponse(responseCode = "201", description = "stored", content = @Content(schema = @Schema(implementation = LabelReceipt.class)))
    public Response label(@PathParam("itemId") String itemId, @Valid @NotNull LabelRequest request, @HeaderParam(Caller.HEADER) String caller) {
        long id = parse(itemId);
        LabelReceipt receipt = labels.label(id, Annotator.of(caller), request);
        return Response.created(URI.create("/annotations/" + id + "/labels/" + receipt.labelId())).entity(receipt).build();
    }

    @POST
    @Path("/{itemId}/skips")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Skip a live request (it leaves this key's queue) or flag it (it leaves every queue)")
    public SkipReceipt skip(@PathParam("itemId") String itemId, @Valid @NotNull SkipRequest request, @HeaderParam(Caller.HEADER) String caller) {
        return labels.skip(parse(itemId), Annotator.of(caller), request);
    }

    @GET
    @Path("/agreement")
    @Operation(summary = "How far annotators agree where two or more labelled one item: Krippendorff's alpha and the mean absolute "
            + "difference per dimension")
    public AgreementReport agreement() {
        return labels.agreement();
    }

    private static long parse(String itemId) {
        try {
            long id = Long.parseLong(itemId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("itemId", "must be a live request's id (a positive integer)");
    }
}
