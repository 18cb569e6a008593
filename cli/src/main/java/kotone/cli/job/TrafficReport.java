package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/** {@code ./kotone traffic}: the stored live traffic (volume, languages, input types, sources, modes, labels) and its drift. */
public final class TrafficReport {

    private final GatewayApi api;
    private final PrintStream out;

    public TrafficReport(GatewayApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public void run(int queueItems) {
        JsonNode summary = api.get("/traffic/summary");
        out.printf("live traffic: %d requests stored (kept %d days)", summary.path("requests").asLong(), summary.path("retentionDays").asInt());
        if (summary.hasNonNull("first")) {
            out.printf(", from %s to %s", summary.path("first").asText(), summary.path("last").asText());
        }
        out.println();
        out.println("  languages:   " + shares(summary.path("byLanguage"), summary.path("requests").asLong()));
        out.println("  input types: " + shares(summary.path("byInputType"), summary.path("requests").asLong()));
        out.println("  served by:   " + shares(summary.path("bySource"), summary.path("requests").asLong()));
        out.println("  modes asked: " + shares(summary.path("byMode"), summary.path("requests").asLong()));
        out.printf("  labelled:    %d requests, %d labels%n", summary.path("labelled").asLong(), summary.path("labels").asLong());

        JsonNode drift = api.get("/traffic/drift");
        JsonNode report = drift.path("report");
        out.printf("drift over the last %d days against %s (%d live requests, %d training rows; %d ms):%n", drift.path("windowDays").asInt(),
                drift.path("datasetId").asText("no training data"), report.path("liveRequests").asLong(), report.path("trainingRows").asLong(),
                drift.path("computeMs").asLong());
        out.printf("  language mix moved by %.2f (threshold %.2f)%n", report.path("languages").path("shift").asDouble(),
                report.path("thresholds").path("languageShift").asDouble());
        out.printf("  unseen words: %.0f%% (threshold %.0f%%)%n", report.path("words").path("unseenShare").asDouble() * 100,
                report.path("thresholds").path("unseenWordShare").asDouble() * 100);
        StringBuilder effects = new StringBuilder();
        for (JsonNode dimension : report.path("dimensions")) {
            effects.append(effects.isEmpty() ? "" : ", ").append(String.format("%s %+.2f", dimension.path("dimension").asText(),
                    dimension.path("effectSize").asDouble()));
        }
        out.printf("  effect size per served dimension (threshold %.2f): %s%n", report.path("thresholds").path("effectSize").asDouble(), effects);
        if (!report.path("decides").asBoolean()) {
            out.printf("  too little to decide: no alert below %d live requests or without training data%n",
                    report.path("thresholds").path("minimumLiveRequests").asInt());
        } else if (report.path("alerts").isEmpty()) {
            out.println("  no drift");
        }
        for (JsonNode alert : report.path("alerts")) {
            out.println("  DRIFT: " + alert.asText());
        }

        if (queueItems > 0) {
            JsonNode queue = api.get("/annotations/queue?limit=" + queueItems);
            out.printf("annotation queue: the first %d of %d open requests%n", queue.path("items").size(), queue.path("considered").asInt());
            for (JsonNode item : queue.path("items")) {
                out.printf("  #%d [%s] disagreement %.1f points, novelty %.2f: %s%n", item.path("itemId").asLong(), item.path("language").asText(),
                        item.path("disagreement").asDouble(), item.path("novelty").asDouble(), item.path("text").asText());
            }
        }
    }

    private static String shares(JsonNode counts, long total) {
        StringBuilder line = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            line.append(line.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ').append(entry.getValue().asLong());
            if (total > 0) {
                line.append(String.format(" (%.0f%%)", entry.getValue().asLong() * 100.0 / total));
            }
        }
        return line.isEmpty() ? "none" : line.toString();
    }
}
