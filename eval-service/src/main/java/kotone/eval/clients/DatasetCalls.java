package kotone.eval.clients;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import kotone.common.client.DependencyDown;
import kotone.common.client.Outage;
import kotone.common.client.UpstreamRefused;
import kotone.eval.cards.GuardReport;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to the dataset service under their fault-tolerance policies. Reads and idempotent writes (PUTs, a dataset
 * version named by its content, a gate check named by its id) are retried; creating pairs, a training job or a
 * promotion is not. A refusal (4xx) is thrown as {@link UpstreamRefused} for the caller to read; an outage becomes
 * {@link DependencyDown} naming the dataset service. Values: {@code quarkus.fault-tolerance."kotone.eval.clients.DatasetCalls/<method>".*}.
 */
@ApplicationScoped
@Timeout(30_000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, successThreshold = 2, skipOn = UpstreamRefused.class)
public class DatasetCalls {

    static final String DEPENDENCY = "dataset";

    private final DatasetApi api;

    public DatasetCalls(@RestClient DatasetApi api) {
        this.api = api;
    }

    /** The promoted model's registry entry; empty before any promotion. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "promotedModelDown", skipOn = UpstreamRefused.class)
    public Optional<DatasetApi.ModelEntry> promotedModel() {
        try {
            return Optional.of(api.promotedModel());
        } catch (UpstreamRefused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    Optional<DatasetApi.ModelEntry> promotedModelDown(Throwable cause) {
        throw down(cause);
    }

    /** A model version's registry entry; empty when there is no such version. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "modelDown", skipOn = UpstreamRefused.class)
    public Optional<DatasetApi.ModelEntry> model(int version) {
        try {
            return Optional.of(api.model(version));
        } catch (UpstreamRefused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    Optional<DatasetApi.ModelEntry> modelDown(int version, Throwable cause) {
        throw down(cause);
    }

    /** @param caller who asked, as the gateway named them ({@code role:keyId}), kept in the alias history */
    @Fallback(fallbackMethod = "promoteDown", skipOn = UpstreamRefused.class)
    public void promote(int version, DatasetApi.PromoteCall call, String caller) {
        api.promote(version, call, caller);
    }

    void promoteDown(int version, DatasetApi.PromoteCall call, String caller, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "liveEvidenceDown", skipOn = UpstreamRefused.class)
    public DatasetApi.LiveEvidence liveEvidence(int version) {
        return api.liveEvidence(version);
    }

    DatasetApi.LiveEvidence liveEvidenceDown(int version, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "shadowDown", skipOn = UpstreamRefused.class)
    public void shadow(int version, String caller) {
        api.shadow(new DatasetApi.ShadowCall(version), caller);
    }

    void shadowDown(int version, String caller, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "recordGateCheckDown", skipOn = UpstreamRefused.class)
    public void recordGateCheck(int version, DatasetApi.GateCheckRecord record) {
        api.recordGateCheck(version, record);
    }

    void recordGateCheckDown(int version, DatasetApi.GateCheckRecord record, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "recordGuardReportDown", skipOn = UpstreamRefused.class)
    public void recordGuardReport(int version, GuardReport report) {
        api.recordGuardReport(version, report);
    }

    void recordGuardReportDown(int version, GuardReport report, Throwable cause) {
        throw down(cause);
    }

    @Fallback(fallbackMethod = "generateDown", skipOn = UpstreamRefused.class)
    public DatasetApi.ImportSummary generate(GenerateCall call) {
        return api.generate(call);
    }

    DatasetApi.ImportSummary generateDown(GenerateCall call, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "createDatasetDown", skipOn = UpstreamRefused.class)
    public DatasetApi.DatasetVersionSummary createDataset(DatasetApi.CreateDatasetCall call) {
        return api.createDataset(call);
    }

    DatasetApi.DatasetVersionSummary createDatasetDown(DatasetApi.CreateDatasetCall call, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "rowsDown", skipOn = UpstreamRefused.class)
    public DatasetApi.RowsPage rows(String datasetId, String split, int limit, int offset) {
        return api.rows(datasetId, split, limit, offset);
    }

    DatasetApi.RowsPage rowsDown(String datasetId, String split, int limit, int offset, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "reserveTextsDown", skipOn = UpstreamRefused.class)
    public void reserveTexts(String evalSetId, DatasetApi.ReservedTexts texts) {
        api.reserveTexts(evalSetId, texts);
    }

    void reserveTextsDown(String evalSetId, DatasetApi.ReservedTexts texts, Throwable cause) {
        throw down(cause);
    }

    @Fallback(fallbackMethod = "startTrainingDown", skipOn = UpstreamRefused.class)
    public DatasetApi.TrainingJobView startTraining(DatasetApi.StartTrainingCall call) {
        return api.startTraining(call);
    }

    DatasetApi.TrainingJobView startTrainingDown(DatasetApi.StartTrainingCall call, Throwable cause) {
        throw down(cause);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = UpstreamRefused.class)
    @Fallback(fallbackMethod = "trainingJobDown", skipOn = UpstreamRefused.class)
    public DatasetApi.TrainingJobView trainingJob(String id) {
        return api.trainingJob(id);
    }

    DatasetApi.TrainingJobView trainingJobDown(String id, Throwable cause) {
        throw down(cause);
    }

    private static DependencyDown down(Throwable cause) {
        return new DependencyDown(Outage.of(DEPENDENCY, cause));
    }
}
