package kotone.dataset.traffic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kotone.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/traffic")
@Produces(MediaType.APPLICATION_JSON)
public class TrafficResource {

    private final TrafficStore store;
    private final DriftMonitor drift;
    private final TrafficConfig config;

    public TrafficResource(TrafficStore store, DriftMonitor drift, TrafficConfig config) {
        this.store = store;
        this.drift = drift;
        this.config = config;
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store live requests the interpreter recorded (internal: no gateway route); a known trace id is not stored twice")
    public CaptureReceipt store(@Valid @NotNull CaptureBatch batch) {
        return new CaptureReceipt(batch.records().size(), store.insert(batch.records()));
    }

    @GET
    @Operation(summary = "Captured live requests, the newest first, with each source's reading")
    public TrafficPage list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(10_000_000) int offset) {
        return store.page(limit, offset);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Volume, time span, languages, input types, sources and modes of the stored live traffic, and how much is labelled")
    public TrafficSummary summary() {
        return store.summary(config.retentionDays());
    }

    @DELETE
    @Path("/{traceId}")
    @Operation(summary = "Delete the live request of a trace, its labels, the teacher pairs made from them and their dataset rows")
    public Erasure delete(@PathParam("traceId") String traceId) {
        if (!traceId.matches("[0-9a-f]{32}")) {
            throw ProblemException.badRequest("traceId", "must be a trace id of 32 hex digits");
        }
        return store.delete(traceId).orElseThrow(() -> ProblemException.notFound("no live request has trace id " + traceId));
    }

    @GET
    @Path("/drift")
    @Operation(summary = "Live traffic of the last days against the training data, measured now: language mix, unseen words, and an "
            + "effect size per served dimension; nothing is stored")
    public DriftMeasurement drift(@QueryParam("days") @Min(1) @Max(365) Integer days) {
        return drift.measure(days == null ? config.drift().windowDays() : days);
    }

    @POST
    @Path("/drift/checks")
    @Operation(summary = "Measure drift now and store the check; a drifted check is an alert, and starts a cycle when configured")
    public DriftMeasurement check(@QueryParam("days") @Min(1) @Max(365) Integer days) {
        return drift.check(days == null ? config.drift().windowDays() : days);
    }

    @GET
    @Path("/drift/checks")
    @Operation(summary = "Stored drift checks, the newest first, with how many raised an alert")
    public DriftAlerts checks(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return drift.history(limit);
    }
}
