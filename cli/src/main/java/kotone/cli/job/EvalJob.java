package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kotone eval}: one run per mode on the target eval set and on every guard, through the gateway, a progress bar
 * per run, then one table per set: the target's with the columns of the original report, each guard's with the metrics
 * it is judged on, and beside every mode its change against rule_baseline with the paired 95% interval. Which modes run
 * is asked of the interpreter (GET /interpret/modes): a mode it cannot serve is skipped with its reason.
 */
public final class EvalJob {

    public static final List<String> MODES = List.of("rule_baseline", "local_model", "prompt_baseline", "fine_tuned", "auto");
    static final List<String> COLUMNS = List.of("json_valid_rate", "vector_mae", "constraint_match_rate", "slot_exact_match",
            "intent_score_mean", "output_sanity_score", "p95_latency_ms", "cost_per_100_requests_usd");
    private static final String BASELINE = "rule_baseline";

    private final GatewayApi api;
    private final PrintStream out;

    public EvalJob(GatewayApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** The runs of one eval set, by mode. */
    public record SetRuns(JsonNode set, String role, Map<String, JsonNode> runs) {
    }

    /**
     * @param modes the modes to run, or null for every mode the interpreter can serve
     * @return the completed runs of each set, the target first
     */
    public List<SetRuns> run(String targetSetId, List<String> modes) {
        if (modes != null) {
            for (String mode : modes) {
                if (!MODES.contains(mode)) {
                    throw new JobFailed("unknown mode " + mode + "; known: " + String.join(", ", MODES));
                }
            }
        }
        List<String> runnable = new ArrayList<>();
        for (JsonNode mode : api.get("/interpret/modes").path("evalModes")) {
            String key = mode.path("mode").asText();
            if (modes != null && !modes.contains(key)) {
                continue;
            }
            if (mode.path("available").asBoolean()) {
                runnable.add(key);
            } else {
                out.println(key + ": skipped, the interpreter cannot serve it: " + mode.path("why").asText());
            }
        }
        List<SetRuns> results = new ArrayList<>();
        for (Map.Entry<String, String> set : sets(targetSetId).entrySet()) {
            JsonNode described = api.get("/eval/datasets/" + set.getKey());
            Map<String, JsonNode> runs = new LinkedHashMap<>();
            for (String mode : runnable) {
                JsonNode started = api.post("/eval/runs", Map.of("datasetId", set.getKey(), "mode", mode), 202);
                runs.put(mode, waitFor(mode, started.get("id").asText()));
            }
            results.add(new SetRuns(described, set.getValue(), runs));
        }
        out.println();
        for (SetRuns set : results) {
            out.print(table(set));
            out.println();
        }
        out.print(llmDelta(results.get(0).runs()));
        return results;
    }

    /** The target and every guard, each once, with its role. */
    private Map<String, String> sets(String targetSetId) {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put(targetSetId, "target");
        for (JsonNode guard : api.get("/eval/guards").path("items")) {
            sets.putIfAbsent(guard.path("datasetId").asText(), "guard: " + guard.path("note").asText(""));
        }
        return sets;
    }

    private JsonNode waitFor(String mode, String runId) {
        Progress progress = new Progress(out, mode);
        while (true) {
            JsonNode run = api.get("/eval/runs/" + runId);
            String status = run.path("status").asText();
            progress.show(run.path("progress").path("done").asInt(), run.path("progress").path("total").asInt(), status);
            if ("completed".equals(status)) {
                JsonNode metrics = run.path("metrics");
                String headline = metrics.hasNonNull("expectation_pass_rate")
                        ? "expectation_pass_rate " + format(metrics.get("expectation_pass_rate")) : "vector MAE " + format(metrics.get("vector_mae"));
                progress.finish(String.format(Locale.ROOT, "completed: %d samples, %s", run.path("progress").path("done").asInt(), headline));
                return run;
            }
            if ("failed".equals(status)) {
                progress.finish("failed");
                throw new JobFailed("the " + mode + " run failed: " + run.path("error").asText());
            }
            Bootstrap.sleep(250);
        }
    }

    /** The columns a set's table shows: the original report's on the target, the gate's metrics on a guard. */
    private static List<String> columns(SetRuns set) {
        if ("target".equals(set.role())) {
            List<String> columns = new ArrayList<>(COLUMNS);
            if (set.set().path("checkItems").asInt() > 0) {
                columns.add(1, "expectation_pass_rate");
            }
            return columns;
        }
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        if (set.set().path("targetItems").asInt() > 0) {
            columns.add("vector_mae");
        }
        if (set.set().path("checkItems").asInt() > 0) {
            columns.add("expectation_pass_rate");
        }
        columns.add("json_valid_rate");
        columns.add("p95_latency_ms");
        return new ArrayList<>(columns);
    }

    String table(SetRuns set) {
        List<String> columns = columns(set);
        boolean checks = set.set().path("checkItems").asInt() > 0;
        boolean targets = set.set().path("targetItems").asInt() > 0;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "### %s (%s): %s, %d items%n%n", set.set().path("id").asText(),
                set.role(), set.set().path("name").asText(), set.set().path("count").asInt()));
        table.append("| mode | ").append(String.join(" | ", columns));
        if (targets) {
            table.append(" | vector_mae vs rule_baseline [95% CI]");
        }
        if (checks) {
            table.append(" | expectation_pass_rate vs rule_baseline [95% CI]");
        }
        table.append(" |\n|---").append("|---:".repeat(columns.size() + (targets ? 1 : 0) + (checks ? 1 : 0))).append("|\n");
        JsonNode baseline = set.runs().get(BASELINE);
        for (Map.Entry<String, JsonNode> run : set.runs().entrySet()) {
            table.append("| ").append(run.getKey());
            for (String column : columns) {
                table.append(" | ").append(format(run.getValue().path("metrics").get(column)));
            }
            JsonNode compared = baseline == null || run.getKey().equals(BASELINE) ? null
                    : api.get("/eval/runs/compare?base=" + baseline.path("id").asText() + "&candidate=" + run.getValue().path("id").asText());
            if (targets) {
                table.append(" | ").append(interval(compared == null ? null : compared.path("maeDeltaBootstrap95"), "%+.2f"));
            }
            if (checks) {
                table.append(" | ").append(interval(compared == null ? null : compared.path("passRateDeltaBootstrap95"), "%+.3f"));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    private static String interval(JsonNode bootstrap, String format) {
        if (bootstrap == null || !bootstrap.hasNonNull("meanDelta")) {
            return "-";
        }
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", bootstrap.get("meanDelta").asDouble(),
                bootstrap.get("low").asDouble(), bootstrap.get("high").asDouble());
    }

    static String llmDelta(Map<String, JsonNode> runs) {
        if (!runs.containsKey("prompt_baseline") || !runs.containsKey("fine_tuned")) {
            return "";
        }
        JsonNode before = runs.get("prompt_baseline").path("metrics").get("vector_mae");
        JsonNode after = runs.get("fine_tuned").path("metrics").get("vector_mae");
        if (before == null || after == null || !before.isNumber() || !after.isNumber()) {
            return "auto_improvement_delta (fine_tuned vs prompt_baseline): vector MAE delta n/a\n";
        }
        double delta = after.asDouble() - before.asDouble();
        return String.format(Locale.ROOT, "auto_improvement_delta (fine_tuned vs prompt_baseline): vector MAE %+.2f (%s)%n", delta,
                delta < 0 ? "better" : delta > 0 ? "worse" : "same");
    }

    static String format(JsonNode value) {
        if (value == null || value.isNull() || !value.isNumber()) {
            return "n/a";
        }
        double number = value.asDouble();
        return Math.abs(number) >= 100 ? String.format(Locale.ROOT, "%.1f", number) : String.format(Locale.ROOT, "%.3f", number);
    }
}
