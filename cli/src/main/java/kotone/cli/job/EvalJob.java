package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kotone eval}: one run per mode through the gateway, a progress bar per run, then the markdown table of
 * the original report and the improvement deltas. Modes that need an LLM that is not configured are skipped,
 * saying which setting to set.
 */
public final class EvalJob {

    public static final List<String> MODES = List.of("rule_baseline", "local_model", "prompt_baseline", "fine_tuned");
    static final List<String> COLUMNS = List.of("json_valid_rate", "vector_mae", "constraint_match_rate", "slot_exact_match",
            "intent_score_mean", "output_sanity_score", "p95_latency_ms", "cost_per_100_requests_usd");

    private final GatewayApi api;
    private final PrintStream out;
    private final Map<String, String> environment;

    public EvalJob(GatewayApi api, PrintStream out, Map<String, String> environment) {
        this.api = api;
        this.out = out;
        this.environment = environment;
    }

    /** @return the completed runs by mode */
    public Map<String, JsonNode> run(String evalSetId, List<String> modes) {
        for (String mode : modes) {
            if (!MODES.contains(mode)) {
                throw new JobFailed("unknown mode " + mode + "; known: " + String.join(", ", MODES));
            }
        }
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (String mode : modes) {
            String missing = missingSetting(mode);
            if (missing != null) {
                skipped.add(mode + ": skipped, no LLM configured (set " + missing + ")");
                continue;
            }
            JsonNode started = api.post("/eval/runs", Map.of("datasetId", evalSetId, "mode", mode), 202);
            runs.put(mode, waitFor(mode, started.get("id").asText()));
        }
        skipped.forEach(out::println);
        out.println();
        out.print(table(runs));
        out.print(deltas(runs));
        return runs;
    }

    private String missingSetting(String mode) {
        String suffix = switch (mode) {
            case "prompt_baseline" -> "_PROMPT_BASELINE_MODEL";
            case "fine_tuned" -> "_FINE_TUNED_MODEL";
            default -> null;
        };
        if (suffix == null) {
            return null;
        }
        boolean configured = environment.keySet().stream()
                .anyMatch(name -> name.startsWith("KOTONE_LLM_PROVIDERS_") && name.endsWith(suffix) && !environment.get(name).isBlank());
        return configured ? null : "KOTONE_LLM_PROVIDERS_<NAME>_BASE_URL, _API_KEY and " + suffix.substring(1) + " before ./kotone up";
    }

    private JsonNode waitFor(String mode, String runId) {
        Progress progress = new Progress(out, mode);
        while (true) {
            JsonNode run = api.get("/eval/runs/" + runId);
            String status = run.path("status").asText();
            progress.show(run.path("progress").path("done").asInt(), run.path("progress").path("total").asInt(), status);
            if ("completed".equals(status)) {
                progress.finish(String.format(Locale.ROOT, "completed: %d samples, vector MAE %s", run.path("progress").path("done").asInt(),
                        format(run.path("metrics").get("vector_mae"))));
                return run;
            }
            if ("failed".equals(status)) {
                progress.finish("failed");
                throw new JobFailed("the " + mode + " run failed: " + run.path("error").asText());
            }
            Bootstrap.sleep(250);
        }
    }

    static String table(Map<String, JsonNode> runs) {
        StringBuilder table = new StringBuilder("| mode | " + String.join(" | ", COLUMNS) + " |\n");
        table.append("|---").append("|---:".repeat(COLUMNS.size())).append("|\n");
        for (Map.Entry<String, JsonNode> run : runs.entrySet()) {
            table.append("| ").append(run.getKey());
            for (String column : COLUMNS) {
                table.append(" | ").append(format(run.getValue().path("metrics").get(column)));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    static String deltas(Map<String, JsonNode> runs) {
        StringBuilder deltas = new StringBuilder("\n");
        JsonNode rule = runs.get("rule_baseline");
        for (Map.Entry<String, JsonNode> run : runs.entrySet()) {
            if (rule != null && !run.getKey().equals("rule_baseline")) {
                deltas.append(delta(run.getKey() + " vs rule_baseline", rule, run.getValue()));
            }
        }
        if (runs.containsKey("prompt_baseline") && runs.containsKey("fine_tuned")) {
            deltas.append(delta("auto_improvement_delta (fine_tuned vs prompt_baseline)", runs.get("prompt_baseline"), runs.get("fine_tuned")));
        }
        return deltas.toString();
    }

    private static String delta(String label, JsonNode base, JsonNode candidate) {
        JsonNode before = base.path("metrics").get("vector_mae");
        JsonNode after = candidate.path("metrics").get("vector_mae");
        if (before == null || after == null || !before.isNumber() || !after.isNumber()) {
            return label + ": vector MAE delta n/a\n";
        }
        double delta = after.asDouble() - before.asDouble();
        return String.format(Locale.ROOT, "%s: vector MAE %+.2f (%s)%n", label, delta, delta < 0 ? "better" : delta > 0 ? "worse" : "same");
    }

    static String format(JsonNode value) {
        if (value == null || value.isNull() || !value.isNumber()) {
            return "n/a";
        }
        double number = value.asDouble();
        return Math.abs(number) >= 100 ? String.format(Locale.ROOT, "%.1f", number) : String.format(Locale.ROOT, "%.3f", number);
    }
}
