package kotone.interpreter.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.Featurizer;
import kotone.core.model.LocalModel;
import kotone.core.model.ModelCodec;
import kotone.interpreter.config.InterpreterConfig;
import org.jboss.logging.Logger;
import kotone.core.text.Sha256;

/**
 * Keeps the served local model equal to the dataset service's promoted version: checks at start and then
 * every poll interval (or at once when told, POST /models/reload), downloads the weights of a new version,
 * checks their hash, decodes them and only then swaps the model in. Failures keep the current model.
 */
@ApplicationScoped
public class ModelPoller {

    private static final Logger LOG = Logger.getLogger(ModelPoller.class);

    private final ActiveModel active;
    private final InterpreterConfig config;
    private final ObjectMapper json;
    private final ModelCodec codec = new ModelCodec();
    private final Embedders embedders;
    private final RuleInterpreter rules;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kotone-model-poller");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastProblem;

    public ModelPoller(ActiveModel active, InterpreterConfig config, ObjectMapper json, Embedders embedders, RuleInterpreter rules) {
        this.rules = rules;
        this.active = active;
        this.config = config;
        this.json = json;
        this.embedders = embedders;
    }

    void onStart(@Observes StartupEvent event) {
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, config.modelPollMs(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    /** Checks now, on the poller's thread, and waits for the outcome (for POST /models/reload). */
    public void reloadNow() throws Exception {
        scheduler.submit(() -> {
            poll();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    /** Why the last check could not load a model, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (Exception e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warnf("could not check the promoted model at %s: %s", config.datasetUrl(), problem);
            }
            lastProblem = problem;
        }
    }

    private void poll() throws Exception {
        HttpResponse<String> promoted = http.send(get("/models/promoted"), HttpResponse.BodyHandlers.ofString());
        if (promoted.statusCode() == 404) {
            // the registry is the truth: with nothing promoted there (a fresh database), nothing is served
            active.clear();
            lastProblem = "no model is promoted yet";
            return;
        }
        if (promoted.statusCode() != 200) {
            throw new IllegalStateException("GET /models/promoted answered " + promoted.statusCode());
        }
        JsonNode model = json.readTree(promoted.body());
        int version = model.get("version").asInt();
        if (active.get().map(served -> served.version() == version).orElse(false)) {
            lastProblem = null;
            return;
        }
        ServedModel served = load(version, model.path("weightsSha256").asText(), model.path("method").asText());
        active.swap(served);
        lastProblem = null;
        LOG.infof("serving local model %d (%s)", version, model.path("method").asText());
    }

    /** Downloads a model version, checks its hash against the registry's and decodes it; nothing is swapped here. */
    ServedModel load(int version, String expectedSha256, String method) throws Exception {
        HttpResponse<byte[]> weights = http.send(get("/models/" + version + "/weights"), HttpResponse.BodyHandlers.ofByteArray());
        if (weights.statusCode() != 200) {
            throw new IllegalStateException("GET /models/" + version + "/weights answered " + weights.statusCode());
        }
        String actual = Sha256.hex(weights.body());
        if (!actual.equals(expectedSha256)) {
            throw new IllegalStateException("the weights of model " + version + " do not match their hash");
        }
        LocalModel local = codec.decode(weights.body());
        Featurizer featurizer = new Featurizer(local.spec(), local.spec().usesEmbedding() ? embedders.forModel(local.spec().embeddingModel()) : null,
                rules);
        return new ServedModel(version, method, actual, local, featurizer, Instant.now());
    }

    /** Loads any registered version (a candidate under evaluation), by its registry entry. */
    ServedModel loadVersion(int version) throws Exception {
        HttpResponse<String> entry = http.send(get("/models/" + version), HttpResponse.BodyHandlers.ofString());
        if (entry.statusCode() == 404) {
            return null;
        }
        if (entry.statusCode() != 200) {
            throw new IllegalStateException("GET /models/" + version + " answered " + entry.statusCode());
        }
        JsonNode model = json.readTree(entry.body());
        return load(version, model.path("weightsSha256").asText(), model.path("method").asText());
    }

    private HttpRequest get(String path) {
        String base = config.datasetUrl().endsWith("/") ? config.datasetUrl().substring(0, config.datasetUrl().length() - 1) : config.datasetUrl();
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build();
    }
}
