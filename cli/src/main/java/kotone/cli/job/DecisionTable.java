package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A gate decision as a table: the target and every guard, each with both models' figures, the change and its 95%
 * interval, the guard's margin, the A/A calibration and whether it passed; then the reasons in words.
 */
final class DecisionTable {

    private DecisionTable() {
    }

    static void print(PrintStream out, JsonNode decision) {
        if (decision == null || decision.isNull() || decision.isMissingNode()) {
            return;
        }
        out.println("  | set | role | metric | champion | candidate | delta | 95% CI | margin | A/A | units | pass |");
        out.println("  |---|---|---|---:|---:|---:|---|---:|---|---:|---|");
        row(out, decision.path("target"), "target");
        decision.path("guards").forEach(guard -> row(out, guard, "guard"));
        decision.path("target").path("focus").forEach(focus -> out.printf(Locale.ROOT, "  | %s | focus | %s MAE | %.2f | %.2f | %+.2f | [%+.2f, %+.2f] (%.1f%%, Holm) | - | - | - | %s |%n",
                decision.path("target").path("datasetId").asText(), focus.path("dimension").asText(), focus.path("champion").asDouble(),
                focus.path("candidate").asDouble(), focus.path("delta").asDouble(), focus.path("ci").path(0).asDouble(),
                focus.path("ci").path(1).asDouble(), focus.path("confidence").asDouble() * 100,
                focus.path("worsened").asBoolean() ? "FAIL (worse)" : focus.path("improved").asBoolean() ? "better" : "no clear change"));
        out.println();
        decision.path("reasons").forEach(reason -> out.println("    " + reason.asText()));
    }

    private static void row(PrintStream out, JsonNode set, String role) {
        if (set.isMissingNode() || set.isNull()) {
            return;
        }
        boolean mae = "vector_mae".equals(set.path("metric").asText());
        String number = mae ? "%.2f" : "%.3f";
        String signed = mae ? "%+.2f" : "%+.3f";
        JsonNode aa = set.path("aa");
        String calibration = aa.isMissingNode() || aa.isNull() ? "-" : String.format(Locale.ROOT, "[" + signed + ", " + signed + "]",
                aa.path("ci95").path(0).asDouble(), aa.path("ci95").path(1).asDouble());
        String margin = set.path("margin").isNumber() ? String.format(Locale.ROOT, number, set.path("margin").asDouble()) : "-";
        out.printf(Locale.ROOT, "  | %s | %s | %s | " + number + " | " + number + " | " + signed + " | [" + signed + ", " + signed + "] | %s | %s | %d%s | %s |%n",
                set.path("datasetId").asText(), role, set.path("metric").asText(), set.path("champion").asDouble(), set.path("candidate").asDouble(),
                set.path("delta").asDouble(), set.path("ci95").path(0).asDouble(), set.path("ci95").path(1).asDouble(), margin, calibration,
                set.path("units").asInt(), set.path("setAside").asInt() > 0 ? " (" + set.path("setAside").asInt() + " set aside)" : "",
                set.path("pass").asBoolean() ? "PASS" : "FAIL");
    }
}
