package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ./kotone cycle}: improvement cycles one after the other, each step as it completes, then the gate's decision. */
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
                    out.printf("  %d. %-20s %-9s %6.1f s%s%n", step.path("step").asInt(), step.path("name").asText(), step.path("status").asText(),
                            step.path("durationMs").asLong() / 1000.0, step.hasNonNull("error") ? "  " + step.path("error").asText() : "");
                    shown = s + 1;
                }
                if (!"running".equals(cycle.path("status").asText())) {
                    break;
                }
                Bootstrap.sleep(300);
            }
            String status = cycle.path("status").asText();
            out.printf("  gate: %s (promoted v%s, candidate v%s)%n", status.toUpperCase(java.util.Locale.ROOT),
                    cycle.path("promotedVersion").asText("?"), cycle.path("candidateVersion").asText("-"));
            cycle.path("decision").path("reasons").forEach(reason -> out.println("    " + reason.asText()));
            if ("failed".equals(status)) {
                out.printf("    failed at %s: %s%n", cycle.path("failedStep").asText(), cycle.path("error").asText());
            }
        }
    }
}
