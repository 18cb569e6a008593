package kotone.dataset.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "kotone.training")
public interface TrainingConfig {

    /** The methods a job compares when the request names none. */
    @WithDefault("ngram,embedding,ngram+embedding")
    List<String> methods();

    @WithDefault("14")
    int hashBits();

    /** Methods within this cross-validated MAE of the best are tied; the fastest of them wins. */
    @WithDefault("0.05")
    double maeTolerance();

    /** The kernel solver holds an n x n matrix per feature group: larger datasets are refused with a clear error. */
    @WithDefault("6000")
    int maxRows();

    /**
     * The interpreter serves the model on the game's hot path: methods slower than this per text (measured while
     * training) are chosen only when no method is faster. The default is the local mode's p99 goal.
     */
    @WithDefault("5000")
    double latencyBudgetMicros();
}
