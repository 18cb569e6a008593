package kotone.eval.analysis;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.eval.runs.EvalRun;
import kotone.eval.runs.RunRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/eval/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private final RunRepository runs;
    private final kotone.eval.cycles.CycleRepository cycles;

    public SummaryResource(RunRepository runs, kotone.eval.cycles.CycleRepository cycles) {
        this.runs = runs;
        this.cycles = cycles;
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The latest completed run per mode, and each mode's metric deltas against rule_baseline; "
            + "auto_improvement_delta is fine_tuned minus prompt_baseline, as in the original report")
    public Map<String, Object> latest(@QueryParam("datasetId") String datasetId) {
        List<EvalRun> latest = runs.latestPerMode(datasetId);
        Map<String, EvalRun> byMode = new LinkedHashMap<>();
        latest.forEach(run -> byMode.put(run.mode(), run));
        Map<String, Object> deltas = new LinkedHashMap<>();
        EvalRun rule = byMode.get("rule_baseline");
        for (EvalRun run : latest) {
            if (rule != null && run != rule) {
                deltas.put(run.mode() + "_vs_rule_baseline", RunComparison.deltas(rule.metrics(), run.metrics()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runs", byMode);
        answer.put("deltas", deltas);
        EvalRun prompt = byMode.get("prompt_baseline");
        EvalRun tuned = byMode.get("fine_tuned");
        answer.put("auto_improvement_delta", prompt != null && tuned != null ? RunComparison.deltas(prompt.metrics(), tuned.metrics()) : null);
        answer.put("cycles", cycles.completion());
        return answer;
    }
}
