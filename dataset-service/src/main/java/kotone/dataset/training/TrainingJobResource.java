package kotone.dataset.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import kotone.common.http.Caller;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingJobResource {

    private final TrainingJobs jobs;
    private final TrainingJobRepository repository;

    public TrainingJobResource(TrainingJobs jobs, TrainingJobRepository repository) {
        this.jobs = jobs;
        this.repository = repository;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Train the local model on a dataset version in the background; answers 202 with the job")
    @APIResponse(responseCode = "202", description = "queued; Location names the job", content = @Content(schema = @Schema(implementation = TrainingJobView.class)))
    public Response start(@Valid @NotNull TrainingRequest request, @HeaderParam(Caller.HEADER) String caller) {
        TrainingJobView job = jobs.start(request, Caller.of(caller));
        return Response.accepted(job).location(URI.create("/training-jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A training job: its state, attempts and the model it registered")
    public TrainingJobView get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no training job " + id);
        }
        return repository.view(uuid).orElseThrow(() -> ProblemException.notFound("no training job " + id));
    }
}
