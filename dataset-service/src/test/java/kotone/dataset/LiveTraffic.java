package kotone.dataset;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Captured live requests as the interpreter sends them, for the traffic and annotation tests. */
final class LiveTraffic {

    private LiveTraffic() {
    }

    static String traceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String vector(int energy, int warmth) {
        return String.format(Locale.ROOT, "{\"energy\":%d,\"warmth\":%d,\"brightness\":50,\"acousticness\":50,\"complexity\":50,\"nostalgia\":50}",
                energy, warmth);
    }

    /** One record: served the local model's reading, with the rules' reading beside it. */
    static String record(String traceId, Instant servedAt, String text, String language, int ruleEnergy, int localEnergy) {
        return "{\"traceId\":\"" + traceId + "\",\"servedAt\":\"" + servedAt + "\",\"text\":\"" + text + "\",\"language\":\"" + language
                + "\",\"inputType\":\"request_text\",\"weather\":\"rainy\",\"mode\":\"auto\",\"servedSource\":\"local_model\",\"modelVersion\":\"v1\","
                + "\"served\":" + vector(localEnergy, 50) + ",\"readings\":{\"rule_baseline\":" + vector(ruleEnergy, 50)
                + ",\"local_model\":" + vector(localEnergy, 50) + "},\"coverage\":0.8,\"latencyMs\":1.25}";
    }

    /** A record the shadowed candidate also read: the rules read energy {@code ruleEnergy}, the champion served {@code served}. */
    static String shadowed(String traceId, int ruleEnergy, int served, int version, int candidate) {
        String record = record(traceId, Instant.now(), "shadowed request " + traceId.substring(0, 6), "en", ruleEnergy, served);
        return record.substring(0, record.length() - 1) + ",\"shadow\":{\"version\":" + version + ",\"vector\":" + vector(candidate, 50)
                + ",\"latencyMs\":0.3}}";
    }

    static String batch(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }
}
