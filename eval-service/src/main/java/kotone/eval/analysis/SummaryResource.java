package kotone.eval.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.eval.cycles.LoopCompletion;
import kotone.eval.runs.EvalRun;
import kotone.eval.runs.RunHistory;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/eval/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private final RunHistory history;
    private final kotone.eval.cycles.CycleRepository cycles;

    public SummaryResource(RunHistory history, kotone.eval.cycles.CycleRepository cycles) {
        this.history = history;
        this.cycles = cycles;
    }

    /**
     * @param deltas each mode's metric deltas against rule_baseline, under "{mode}_vs_rule_baseline"
     * @param autoImprovementDelta fine_tuned minus prompt_baseline, as in the original report; null without both
     */
    public record LatestSummary(Map<String, EvalRun> runs, Map<String, Map<String, Double>> deltas,
            @JsonProperty("auto_improvement_delta") Map<String, Double> autoImprovementDelta, LoopCompletion cycles) {
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The latest completed run per mode, and each mode's metric deltas against rule_baseline; "
            + "auto_improvement_delta is fine_tuned minus prompt_baseline, as in the original report")
    public LatestSummary latest(@QueryParam("datasetId") String datasetId) {
        Map<String, EvalRun> byMode = new LinkedHashMap<>();
        history.latestPerMode(datasetId).forEach(run -> byMode.put(run.mode(), run));
        Map<String, Map<String, Double>> deltas = new LinkedHashMap<>();
        EvalRun rule = byMode.get("rule_baseline");
        byMode.values().stream().filter(run -> rule != null && run != rule)
                .forEach(run -> deltas.put(run.mode() + "_vs_rule_baseline", RunComparison.deltas(rule.metrics(), run.metrics())));
        EvalRun prompt = byMode.get("prompt_baseline");
        EvalRun tuned = byMode.get("fine_tuned");
        return new LatestSummary(byMode, deltas, prompt != null && tuned != null ? RunComparison.deltas(prompt.metrics(), tuned.metrics()) : null,
                cycles.completion());
    }
}
