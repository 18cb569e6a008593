package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Waits for a gate check the command line asked for. */
final class GateChecks {

    private GateChecks() {
    }

    /** @param started the 202 answer of POST /eval/gate-checks */
    static JsonNode await(GatewayApi api, PrintStream out, JsonNode started) {
        String id = started.path("id").asText();
        Progress progress = new Progress(out, "gate check");
        long begun = System.nanoTime();
        while (true) {
            JsonNode check = api.get("/eval/gate-checks/" + id);
            String status = check.path("status").asText();
            if ("completed".equals(status) || "failed".equals(status)) {
                progress.finish(status + String.format(java.util.Locale.ROOT, " in %.1f s", (System.nanoTime() - begun) / 1e9));
                return check;
            }
            progress.show(0, 1, status);
            Bootstrap.sleep(300);
        }
    }
}
