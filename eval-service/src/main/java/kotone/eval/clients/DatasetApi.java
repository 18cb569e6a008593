package kotone.eval.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.common.client.UpstreamStatus;
import kotone.common.http.Caller;
import kotone.core.traffic.ShadowEvidence;
import kotone.eval.cards.GuardReport;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The dataset service's REST contract, as eval uses it ({@code quarkus.rest-client.dataset.*}). */
@RegisterRestClient(configKey = "dataset")
@RegisterProvider(UpstreamStatus.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface DatasetApi {

    @GET
    @Path("/models/promoted")
    ModelEntry promotedModel();

    /** The shadowed candidate's readings of live requests beside what was served. */
    @GET
    @Path("/traffic/shadow/{version}")
    LiveEvidence liveEvidence(@PathParam("version") int version);

    /** Starts shadowing a candidate on live traffic. */
    @PUT
    @Path("/models/shadow")
    void shadow(ShadowCall call, @HeaderParam(Caller.HEADER) String caller);

    record LiveEvidence(int candidateVersion, ShadowEvidence evidence) {
    }

    record ShadowCall(int version) {
    }

    @GET
    @Path("/models/{version}")
    ModelEntry model(@PathParam("version") int version);

    @POST
    @Path("/models/{version}/promote")
    void promote(@PathParam("version") int version, PromoteCall call, @HeaderParam(Caller.HEADER) String caller);

    @POST
    @Path("/models/{version}/gate-checks")
    void recordGateCheck(@PathParam("version") int version, GateCheckRecord record);

    @PUT
    @Path("/models/{version}/guard-report")
    void recordGuardReport(@PathParam("version") int version, GuardReport report);

    @POST
    @Path("/datasets/teacher-pairs/generate")
    ImportSummary generate(GenerateCall call);

    @POST
    @Path("/datasets")
    DatasetVersionSummary createDataset(CreateDatasetCall call);

    @GET
    @Path("/datasets/{id}/rows")
    RowsPage rows(@PathParam("id") String datasetId, @QueryParam("split") String split, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @PUT
    @Path("/datasets/reserved-texts/{evalSetId}")
    void reserveTexts(@PathParam("evalSetId") String evalSetId, ReservedTexts texts);

    @POST
    @Path("/training-jobs")
    TrainingJobView startTraining(StartTrainingCall call);

    @GET
    @Path("/training-jobs/{id}")
    TrainingJobView trainingJob(@PathParam("id") String id);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelEntry(int version, String datasetId, String method, Boolean promoted) {
    }

    record PromoteCall(UUID gateCheckId, boolean force, String reason) {
    }

    /** What the registry keeps of a gate check. */
    record GateCheckRecord(UUID checkId, Integer championVersion, String targetSetId, boolean passed, List<String> failingSets,
            Instant decidedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportSummary(UUID batchId, Integer lines, Integer imported, Integer duplicates, Integer rejected) {
    }

    record CreateDatasetCall(long seed) {
    }

    /** @param filterReport kept, considered, droppedByRule: what the quality filter did */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DatasetVersionSummary(String id, Integer pairCount, Integer rowCount, FilterSummary filterReport) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FilterSummary(Integer considered, Integer kept, Map<String, Integer> droppedByRule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RowsPage(List<Row> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(Integer rowNo, String text, String sourceType, String language, Map<String, Integer> vector) {
    }

    record ReservedTexts(List<String> textKeys) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartTrainingCall(String datasetId, List<String> methods) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrainingJobView(String id, String status, Integer modelVersion, String error) {
    }
}
