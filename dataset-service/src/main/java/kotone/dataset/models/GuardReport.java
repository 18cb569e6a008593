package kotone.dataset.models;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A model version on every guard, in each mode a player gets without an LLM: the guard table of its model card, written
 * by the eval service. While the runs are under way the status is {@code running}; a report that could not be made says
 * why.
 *
 * @param guards one row per guard set and metric
 */
public record GuardReport(@NotNull Status status, @Size(max = 200) List<@Valid @NotNull Row> guards, @Size(max = 2000) String error,
        @NotNull Instant at) {

    public enum Status {
        running, completed, failed
    }

    /**
     * @param metric {@code vector_mae} (lower is better) or {@code expectation_pass_rate}
     * @param rule the rules alone on the set
     * @param local the version's local model alone
     * @param auto the version as players get it by default
     * @param bestSingle the better of rule and local
     * @param autoVsBest auto minus the best single source, unit by unit (items or checks)
     * @param ciLow the 95% paired bootstrap interval of that difference
     * @param autoNoWorse false only when the whole interval lies on the worse side
     */
    public record Row(@NotBlank String datasetId, @NotBlank String metric, double rule, double local, double auto, @NotBlank String bestSingle,
            double autoVsBest, double ciLow, double ciHigh, boolean autoNoWorse, @NotBlank String ruleRunId, @NotBlank String localRunId,
            @NotBlank String autoRunId) {
    }
}
