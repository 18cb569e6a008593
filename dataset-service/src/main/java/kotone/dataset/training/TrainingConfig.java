package kotone.dataset.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "kotone.training")
public interface TrainingConfig {

    /** The methods a job compares when the request names none. */
    @WithDefault("stacked,rules,ngram,stacked+embedding")
    List<String> methods();

    @WithDefault("9")
    int hashBits();

    /** Methods within this cross-validated RMSE of the best are tied; the fastest to serve of them wins. */
    @WithDefault("0.05")
    double rmseTolerance();

    /**
     * A job with more training rows is refused, naming this cap. Memory does not grow with the rows (the trainer reads
     * them as a stream into statistics the size of the features); the cap keeps a job's time bounded, from the measured
     * training time in docs/BENCHMARKS.md.
     */
    @WithDefault("2000000")
    int maxRows();

    /**
     * The interpreter serves the model on the game's hot path: a method whose serving time per text is over this is
     * left out. The default is the local mode's p99 goal.
     */
    @WithDefault("500")
    double latencyBudgetMicros();

    /**
     * Each method's serving time per text (features, the rules and the prediction), measured by JMH and kept here, so
     * the same data always gives the same model: a job never times itself.
     */
    Map<String, Double> methodLatencyMicros();

    /** Rows of a source type whose texts do not explain their labels (the dataset's consistency audit) count this much. */
    @WithDefault("0.25")
    double inconsistentSourceWeight();

    /** Whether the audit's verdict weights the rows at all. */
    @WithDefault("true")
    boolean downWeightInconsistentSources();

    /** How often an idle instance looks for queued jobs. */
    @WithDefault("2s")
    String pollEvery();

    /** How often this instance beats on the jobs it trains. */
    @WithDefault("10s")
    String heartbeatEvery();

    /** A running job whose instance has not beaten for this long is queued again for another. */
    @WithDefault("60000")
    long staleAfterMs();

    /** How often a job may be taken up before it is failed (an instance that dies training it must not kill them all). */
    @WithDefault("3")
    int maxAttempts();
}
