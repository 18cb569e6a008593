package kotone.dataset.training;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import kotone.common.problem.ProblemException;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.ModelCodec;
import kotone.core.model.train.Method;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.dataset.config.InstanceName;
import kotone.dataset.models.ModelCard;
import kotone.dataset.models.ModelRepository;
import kotone.dataset.models.Promotions;
import kotone.dataset.versions.DatasetRepository;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Trains queued jobs one at a time per instance: each reads the dataset version's rows as a stream, compares the
 * methods, fits the winner and its auto combination, reports on test and registers a model version. A source type the
 * dataset's consistency audit flagged counts less. Progress is written to the job row as it goes, and is this
 * instance's heartbeat on it: a job whose instance stops reporting is queued again for another.
 */
@ApplicationScoped
public class TrainingJobs {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final long PROGRESS_INTERVAL_MS = 300;

    private final TrainingJobRepository jobs;
    private final DatasetRepository datasets;
    private final ModelRepository models;
    private final Promotions promotions;
    private final ModelCodec codec;
    private final Embedders embedders;
    private final TrainingConfig config;
    private final RuleInterpreter rules;
    private final List<String> partIds;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final String instance;
    private final ManagedExecutor background;
    private final AtomicBoolean draining = new AtomicBoolean();

    public TrainingJobs(io.micrometer.core.instrument.MeterRegistry meters, TrainingJobRepository jobs, DatasetRepository datasets, ModelRepository models,
            Promotions promotions, ModelCodec codec, Embedders embedders, TrainingConfig config, Catalog catalog, RuleInterpreter rules,
            InstanceName instance, ManagedExecutor background) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.models = models;
        this.promotions = promotions;
        this.codec = codec;
        this.embedders = embedders;
        this.config = config;
        this.rules = rules;
        this.partIds = catalog.parts().stream().map(Part::id).toList();
        this.meters = meters;
        this.instance = instance.get();
        this.background = background;
    }

    /** Queues a job (202); whichever dataset instance is free takes it up, this one first. */
    public TrainingJobView start(TrainingRequest request, String caller) {
        if (!datasets.exists(request.datasetId())) {
            throw new ProblemException(kotone.common.problem.Problem.of(404, "Not Found", "no dataset version " + request.datasetId(),
                    List.of(new kotone.common.problem.FieldError("datasetId", "unknown dataset version"))));
        }
        Set<Method> methods = EnumSet.noneOf(Method.class);
        (request.methods() == null || request.methods().isEmpty() ? config.methods() : request.methods())
                .forEach(key -> methods.add(Method.fromKey(key)));
        boolean promote = Boolean.TRUE.equals(request.promote());
        if (promote && models.promoted().isPresent()) {
            throw new ProblemException(kotone.common.problem.Problem.of(409, "Conflict", "a model is promoted already, so a new one is promoted "
                    + "only through a passed gate check (POST /api/v1/eval/gate-checks): train without \"promote\"",
                    List.of(new kotone.common.problem.FieldError("promote", "only the first model may be promoted by its training job"))));
        }
        TrainingSettings settings = new TrainingSettings(methods.stream().map(Method::key).toList(),
                request.hashBits() == null ? config.hashBits() : request.hashBits(), request.seed() == null ? 7 : request.seed(), promote);
        TrainingJob job = jobs.queue(TrainingJob.queued(request.datasetId(), settings, caller));
        background.execute(this::drain);
        return TrainingJobView.of(job);
    }

    @Scheduled(every = "${kotone.training.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Beats on this instance's jobs, and queues again the jobs of instances that stopped reporting. */
    @Scheduled(every = "${kotone.training.heartbeat-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        try {
            jobs.heartbeat(instance);
            int[] taken = jobs.takeOverAbandoned(Instant.now().minusMillis(config.staleAfterMs()), config.maxAttempts());
            if (taken[0] + taken[1] > 0) {
                LOG.warnf("training jobs whose instance stopped reporting: %d queued again, %d failed after %d attempts", taken[0], taken[1],
                        config.maxAttempts());
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not keep training jobs alive: %s", e.getMessage());
        }
    }

    /** Trains queued jobs one at a time on this instance. */
    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (true) {
                Optional<TrainingJob> claimed = jobs.claim(instance);
                if (claimed.isEmpty()) {
                    return;
                }
                run(claimed.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for queued training jobs: %s", e.getMessage());
        } finally {
            draining.set(false);
        }
    }

    private void run(TrainingJob job) {
        UUID id = job.id;
        try {
            Set<Method> methods = EnumSet.noneOf(Method.class);
            job.settings.methods().forEach(key -> methods.add(Method.fromKey(key)));
            TrainerSettings defaults = TrainerSettings.defaults();
            TrainerSettings settings = new TrainerSettings(job.settings.hashBits(), defaults.ruleLambdas(), defaults.partLambdas(),
                    defaults.ngramLambdas(), defaults.embeddingLambdas(), defaults.folds(), config.rmseTolerance(), job.settings.seed(),
                    config.maxRows(), config.latencyBudgetMicros(), config.methodLatencyMicros(), sourceWeights(job.datasetId),
                    defaults.combinationStep());
            long[] lastWrite = {0};
            TrainingOutcome outcome = new ModelTrainer(settings, rules).train(datasets.trainingRows(job.datasetId), partIds, methods,
                    methods.stream().anyMatch(Method::embedding) ? embedders.miniLm() : null,
                    (phase, done, total) -> {
                        long now = System.currentTimeMillis();
                        if (now - lastWrite[0] >= PROGRESS_INTERVAL_MS || done == total) {
                            lastWrite[0] = now;
                            if (!jobs.progress(id, instance, phase, done, total)) {
                                throw new LostOwnership();
                            }
                        }
                    });
            int version = models.register(job.datasetId, outcome.method(), hyperparameters(outcome, settings),
                    features(outcome), metrics(outcome), outcome.trainingMillis(), codec.encode(outcome.model()));
            meters.timer("kotone.training.duration", "method", outcome.method())
                    .record(outcome.trainingMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (job.settings.promote() && promotions.promoteIfFirst(version, job.requestedBy, "the first model, trained by job " + id).isEmpty()) {
                LOG.warnf("training job %s did not promote model %d: another model was promoted meanwhile (promotion goes through a gate check)",
                        id, version);
            }
            if (!jobs.completed(id, instance, version)) {
                LOG.warnf("training job %s registered model %d after another instance had taken the job over", id, version);
                return;
            }
            LOG.infof("training job %s registered model %d (%s, test MAE %.2f) in %d ms", id, version, outcome.method(),
                    outcome.test().vectorMae(), outcome.trainingMillis());
        } catch (LostOwnership e) {
            LOG.warnf("training job %s was taken over by another instance; this one stops", id);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "training job %s failed", id);
            jobs.failed(id, instance, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Another instance took the job over (this one had stopped reporting): stop without touching it. */
    private static final class LostOwnership extends RuntimeException {
        LostOwnership() {
            super("the training job is no longer this instance's", null, false, false);
        }
    }

    /** Rows of a source type the dataset's consistency audit flagged count less, unless that is turned off. */
    private Map<String, Double> sourceWeights(String datasetId) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (!config.downWeightInconsistentSources()) {
            return weights;
        }
        datasets.consistency(datasetId).forEach((source, audit) -> {
            if (!audit.consistent()) {
                weights.put(source, config.inconsistentSourceWeight());
            }
        });
        return weights;
    }

    private static ModelCard.Hyperparameters hyperparameters(TrainingOutcome outcome, TrainerSettings settings) {
        return new ModelCard.Hyperparameters(outcome.lambdas(), outcome.model().outputStep(), outcome.model().spec().hashBits(), settings.folds(),
                settings.seed(), outcome.trainRows(), settings.latencyBudgetMicros(), settings.sourceWeights());
    }

    private static ModelCard.Features features(TrainingOutcome outcome) {
        var spec = outcome.model().spec();
        return new ModelCard.Features(spec.rules() ? "the rules' reading: word and part push per dimension, hits, negations, intensity" : "none",
                spec.partIds().size(), spec.usesNgrams()
                        ? "hashed word 1-2 grams, character 3-grams of words, Japanese character 1-2 grams; 2^" + spec.hashBits() : "none",
                spec.usesEmbedding() ? spec.embeddingModel() : "none", outcome.model().vocabulary().length);
    }

    private static ModelCard.Metrics metrics(TrainingOutcome outcome) {
        return new ModelCard.Metrics(outcome.test(), outcome.valid(), outcome.testByMode(), outcome.combination(), outcome.candidates());
    }
}
