package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A model card's guard report: on every guard, the rules, the local model and auto, and auto against the better single
 * source with its 95% paired interval. Asked of the eval service, read from the model card once it is there.
 */
final class GuardReportTable {

    private static final long WAIT_MS = 600_000;

    private GuardReportTable() {
    }

    /** Measures the version on every guard and prints the table; a report that failed says why. */
    static void measureAndPrint(GatewayApi api, PrintStream out, int version) {
        api.post("/eval/model-cards", java.util.Map.of("modelVersion", version), 202);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        JsonNode report = api.get("/models/" + version).path("guardReport");
        while ("running".equals(report.path("status").asText()) && System.currentTimeMillis() < deadline) {
            Bootstrap.sleep(300);
            report = api.get("/models/" + version).path("guardReport");
        }
        if (!"completed".equals(report.path("status").asText())) {
            out.printf("model card       v%d: no guard report (%s)%n", version, report.path("error").asText(report.path("status").asText("none")));
            return;
        }
        out.printf("model card       v%d on every guard (GET /api/v1/models/%d, guardReport)%n", version, version);
        out.println("  | set | metric | rule | local | auto | auto vs best single [95% CI] | auto no worse |");
        out.println("  |---|---|---:|---:|---:|---|---|");
        for (JsonNode row : report.path("guards")) {
            boolean mae = "vector_mae".equals(row.path("metric").asText());
            String number = mae ? "%.2f" : "%.3f";
            String signed = mae ? "%+.2f" : "%+.3f";
            out.printf(Locale.ROOT, "  | %s | %s | " + number + " | " + number + " | " + number + " | " + signed + " vs %s [" + signed + ", " + signed
                    + "] | %s |%n", row.path("datasetId").asText(), row.path("metric").asText(), row.path("rule").asDouble(),
                    row.path("local").asDouble(), row.path("auto").asDouble(), row.path("autoVsBest").asDouble(), row.path("bestSingle").asText(),
                    row.path("ciLow").asDouble(), row.path("ciHigh").asDouble(), row.path("autoNoWorse").asBoolean() ? "yes" : "NO");
        }
    }
}
