package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kotone cycle}: improvement cycles one after the other, each step as it completes, then the gate's decision as
 * a table: the target and every guard with their intervals, and the reasons.
 */
public final class CycleJob {

    private final GatewayApi api;
    private final PrintStream out;

    public CycleJob(GatewayApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public void run(String evalSetId, int count, Integer augmentPairs) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("datasetId", evalSetId);
            if (augmentPairs != null) {
                request.put("augmentPairs", augmentPairs);
            }
            JsonNode started = api.post("/eval/cycles", request, 202);
            int n = started.get("n").asInt();
            out.printf("cycle %d%n", n);
            long begun = System.nanoTime();
            int shown = 0;
            JsonNode cycle;
            while (true) {
                cycle = api.get("/eval/cycles/" + n);
                JsonNode steps = cycle.path("steps");
                for (int s = shown; s < steps.size(); s++) {
                    JsonNode step = steps.get(s);
                    if ("running".equals(step.path("status").asText())) {
                        break;
                    }
                    out.printf(Locale.ROOT, "  %d. %-20s %-9s %6.1f s%s%n", step.path("step").asInt(), step.path("name").asText(),
                            step.path("status").asText(), step.path("durationMs").asLong() / 1000.0,
                            step.hasNonNull("error") ? "  " + step.path("error").asText() : "");
                    shown = s + 1;
                }
                if (!"running".equals(cycle.path("status").asText())) {
                    break;
                }
                Bootstrap.sleep(300);
            }
            String status = cycle.path("status").asText();
            out.printf(Locale.ROOT, "  gate: %s (champion v%s, candidate v%s) in %.1f s%n", status.toUpperCase(Locale.ROOT),
                    cycle.path("promotedVersion").asText("?"), cycle.path("candidateVersion").asText("-"), (System.nanoTime() - begun) / 1e9);
            DecisionTable.print(out, cycle.path("decision"));
            if ("failed".equals(status)) {
                out.printf("    failed at %s: %s%n", cycle.path("failedStep").asText(), cycle.path("error").asText());
            }
        }
    }
}
