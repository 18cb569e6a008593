package kotone.dataset.training;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kotone.common.problem.ProblemException;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.ModelCodec;
import kotone.core.model.train.Method;
import kotone.core.model.train.ModelTrainer;
import kotone.core.model.train.TrainerSettings;
import kotone.core.model.train.TrainingOutcome;
import kotone.dataset.models.ModelRepository;
import kotone.dataset.models.Promotions;
import kotone.dataset.versions.DatasetRepository;
import org.jboss.logging.Logger;

/**
 * Runs training jobs one at a time in the background: each reads the dataset version's rows as a stream, compares the
 * methods, fits the winner and its auto combination, reports on test and registers a model version. A source type the
 * dataset's consistency audit flagged counts less. Progress is written to the job row as it goes.
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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kotone-training");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingJobs(io.micrometer.core.instrument.MeterRegistry meters, TrainingJobRepository jobs, DatasetRepository datasets, ModelRepository models,
            Promotions promotions, ModelCodec codec, Embedders embedders, TrainingConfig config, Catalog catalog, RuleInterpreter rules) {
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
    }

    void onStart(@Observes StartupEvent event) {
        int failed = jobs.failUnfinished("the dataset service restarted while this job was queued or running; start it again");
        if (failed > 0) {
            LOG.warnf("%d training job(s) were interrupted by a restart and marked failed", failed);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public TrainingJob start(TrainingRequest request, String caller) {
        if (!datasets.exists(request.datasetId())) {
            throw new ProblemException(kotone.common.problem.Problem.of(404, "Not Found", "no dataset version " + request.datasetId(),
                    List.of(new kotone.common.problem.FieldError("datasetId", "unknown dataset version"))));
        }
        Set<Method> methods = EnumSet.noneOf(Method.class);
        (request.methods() == null || request.methods().isEmpty() ? config.methods() : request.methods())
                .forEach(key -> methods.add(Method.fromKey(key)));
        int hashBits = request.hashBits() == null ? config.hashBits() : request.hashBits();
        long seed = request.seed() == null ? 7 : request.seed();
        boolean promote = Boolean.TRUE.equals(request.promote());
        if (promote && models.promoted().isPresent()) {
            throw new ProblemException(kotone.common.problem.Problem.of(409, "Conflict", "a model is promoted already, so a new one is promoted "
                    + "only through a passed gate check (POST /api/v1/eval/gate-checks): train without \"promote\"",
                    List.of(new kotone.common.problem.FieldError("promote", "only the first model may be promoted by its training job"))));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("methods", methods.stream().map(Method::key).toList());
        settings.put("hashBits", hashBits);
        settings.put("seed", seed);
        settings.put("promote", promote);
        UUID id = UUID.randomUUID();
        jobs.insert(id, request.datasetId(), settings);
        TrainingJob queued = jobs.find(id).orElseThrow();
        worker.submit(() -> run(id, request.datasetId(), methods, hashBits, seed, promote ? caller : null));
        return queued;
    }

    /** @param promoteFor who asked for the trained model to be promoted (the first model only), or null */
    /** @param promoteFor who asked for the trained model to be promoted (the first model only), or null */
    private void run(UUID id, String datasetId, Set<Method> methods, int hashBits, long seed, String promoteFor) {
        try {
            jobs.started(id);
            TrainerSettings defaults = TrainerSettings.defaults();
            TrainerSettings settings = new TrainerSettings(hashBits, defaults.ruleLambdas(), defaults.partLambdas(), defaults.ngramLambdas(),
                    defaults.embeddingLambdas(), defaults.folds(), config.rmseTolerance(), seed, config.maxRows(), config.latencyBudgetMicros(),
                    config.methodLatencyMicros(), sourceWeights(datasetId), defaults.combinationStep());
            long[] lastWrite = {0};
            TrainingOutcome outcome = new ModelTrainer(settings, rules).train(datasets.trainingRows(datasetId), partIds, methods,
                    methods.stream().anyMatch(Method::embedding) ? embedders.miniLm() : null,
                    (phase, done, total) -> {
                        long now = System.currentTimeMillis();
                        if (now - lastWrite[0] >= PROGRESS_INTERVAL_MS || done == total) {
                            lastWrite[0] = now;
                            jobs.progress(id, phase, done, total);
                        }
                    });
            int version = models.register(datasetId, outcome.method(), hyperparameters(outcome, settings),
                    features(outcome), metrics(outcome), outcome.trainingMillis(), codec.encode(outcome.model()));
            meters.timer("kotone.training.duration", "method", outcome.method())
                    .record(outcome.trainingMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (promoteFor != null && promotions.promoteIfFirst(version, promoteFor, "the first model, trained by job " + id).isEmpty()) {
                LOG.warnf("training job %s did not promote model %d: another model was promoted meanwhile (promotion goes through a gate check)",
                        id, version);
            }
            jobs.completed(id, version);
            LOG.infof("training job %s registered model %d (%s, test MAE %.2f) in %d ms", id, version, outcome.method(),
                    outcome.test().vectorMae(), outcome.trainingMillis());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "training job %s failed", id);
            jobs.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
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

    private static Map<String, Object> hyperparameters(TrainingOutcome outcome, TrainerSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lambdas", outcome.lambdas());
        map.put("outputStep", outcome.model().outputStep());
        map.put("hashBits", outcome.model().spec().hashBits());
        map.put("folds", settings.folds());
        map.put("seed", settings.seed());
        map.put("trainRows", outcome.trainRows());
        map.put("latencyBudgetMicros", settings.latencyBudgetMicros());
        map.put("sourceWeights", settings.sourceWeights());
        return map;
    }

    private static Map<String, Object> features(TrainingOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rules", outcome.model().spec().rules() ? "the rules' reading: word and part push per dimension, hits, negations, intensity"
                : "none");
        map.put("partIds", outcome.model().spec().partIds().size());
        map.put("ngrams", outcome.model().spec().usesNgrams()
                ? "hashed word 1-2 grams, character 3-grams of words, Japanese character 1-2 grams; 2^" + outcome.model().spec().hashBits()
                : "none");
        map.put("embedding", outcome.model().spec().usesEmbedding() ? outcome.model().spec().embeddingModel() : "none");
        map.put("vocabulary", outcome.model().vocabulary().length);
        return map;
    }

    private static Map<String, Object> metrics(TrainingOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("test", outcome.test());
        map.put("valid", outcome.valid());
        map.put("testByMode", outcome.testByMode());
        map.put("combination", outcome.combination());
        map.put("candidates", outcome.candidates());
        return map;
    }
}
