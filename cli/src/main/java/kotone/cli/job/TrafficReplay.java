package kotone.cli.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.dataset.TeacherPair;
import kotone.core.teacher.CatalogTeacher;
import kotone.core.teacher.Phrasing;

/**
 * Sends generated player requests through the gateway as a game client would (English and Japanese, with weather, mostly
 * in auto mode), so that a fresh stack has live traffic to capture, rank for labelling and check for drift. The texts are
 * written in the players' phrasing (casual, slang, typos), which shares no phrase with the training pairs nor with the
 * generated eval sets: labelling them teaches words no eval set is made of.
 */
public final class TrafficReplay {

    static final long SEED = 20_261_207L;
    private static final List<String> MODES = List.of("auto", "auto", "auto", "auto", "auto", "auto", "auto", "rule", "local", "auto");

    private final GatewayApi api;
    private final PrintStream out;

    public TrafficReplay(GatewayApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** A player's request as the interpreter takes it. */
    record PlayerRequest(String requestText, String weather, String mode) {
    }

    public void run(int count) {
        List<TeacherPair> generated = new CatalogTeacher(Catalog.standard(), CatalogTeacher.Settings.defaults(), Phrasing.PLAYERS)
                .generate(count, SEED, Instant.now());
        Map<String, Integer> bySource = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < generated.size(); i++) {
            TeacherPair pair = generated.get(i);
            JsonNode answer = api.postAsClient("/interpret", new PlayerRequest(pair.requestText(), pair.weather(), MODES.get(i % MODES.size())));
            bySource.merge(answer.path("meta").path("modelSource").asText("?"), 1, Integer::sum);
            if ((i + 1) % 100 == 0 || i + 1 == generated.size()) {
                out.printf("  replayed %d/%d player requests%n", i + 1, generated.size());
            }
        }
        out.printf("replayed %d player requests through the gateway in %.1f s; served by %s%n", generated.size(),
                (System.nanoTime() - started) / 1e9, bySource);
    }
}
