package kotone.interpreter.model;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.ModelCodec;
import kotone.core.text.Sha256;
import kotone.interpreter.traffic.ShadowCandidate;
import org.jboss.logging.Logger;

/**
 * Keeps the served local model equal to the dataset service's promoted version: checks at start and then every poll
 * interval (or at once when told, POST /models/reload), downloads the weights of a new version, checks their hash,
 * decodes them and only then swaps the model in. Failures keep the current model. Checks never overlap. Each check also
 * reads which candidate, if any, is shadowed on live traffic.
 */
@ApplicationScoped
public class ModelPoller {

    private static final Logger LOG = Logger.getLogger(ModelPoller.class);

    private final ActiveModel active;
    private final RegistryCalls registry;
    private final ModelCodec codec = new ModelCodec();
    private final Embedders embedders;
    private final RuleInterpreter rules;
    private final ShadowCandidate shadow;
    private volatile String lastProblem;

    public ModelPoller(ActiveModel active, RegistryCalls registry, Embedders embedders, RuleInterpreter rules, ShadowCandidate shadow) {
        this.rules = rules;
        this.shadow = shadow;
        this.active = active;
        this.registry = registry;
        this.embedders = embedders;
    }

    @Scheduled(every = "${kotone.interpreter.model-poll-ms:2000}ms", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        pollQuietly();
    }

    /** Checks now, on the caller's thread (for POST /models/reload). */
    public void reloadNow() {
        poll();
    }

    /** Why the last check could not load a model, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warnf("could not check the promoted model: %s", problem);
            }
            lastProblem = problem;
        }
    }

    private synchronized void poll() {
        RegistryApi.ModelEntry promoted = registry.promoted().orElse(null);
        if (promoted == null) {
            // the registry is the truth: with nothing promoted there (a fresh database), nothing is served
            active.clear();
            shadow.set(null);
            lastProblem = "no model is promoted yet";
            return;
        }
        int version = promoted.version();
        readShadow(version);
        if (active.get().map(served -> served.version() == version).orElse(false)) {
            lastProblem = null;
            return;
        }
        ServedModel served = load(promoted);
        active.swap(served);
        lastProblem = null;
        LOG.infof("serving local model %d (%s)", version, promoted.method());
    }

    /** Which candidate is shadowed; when the registry cannot say, the last answer stands (and the model check goes on). */
    private void readShadow(int promotedVersion) {
        try {
            shadow.set(registry.shadow().filter(candidate -> candidate != promotedVersion).orElse(null));
        } catch (RuntimeException e) {
            LOG.debugf("could not read the shadowed candidate: %s", e.toString());
        }
    }

    /** Downloads a model version, checks its hash against the registry's and decodes it; nothing is swapped here. */
    ServedModel load(RegistryApi.ModelEntry entry) {
        byte[] weights = registry.weights(entry.version());
        String actual = Sha256.hex(weights);
        if (!actual.equals(entry.weightsSha256())) {
            throw new IllegalStateException("the weights of model " + entry.version() + " do not match their hash");
        }
        LocalModel local = codec.decode(weights);
        Featurizer featurizer = new Featurizer(local.spec(), local.spec().usesEmbedding() ? embedders.forModel(local.spec().embeddingModel()) : null,
                rules);
        return new ServedModel(entry.version(), entry.method(), actual, local, featurizer, Instant.now());
    }

    /** Loads any registered version (a candidate under evaluation), by its registry entry; null when there is none. */
    ServedModel loadVersion(int version) {
        return registry.model(version).map(this::load).orElse(null);
    }
}
