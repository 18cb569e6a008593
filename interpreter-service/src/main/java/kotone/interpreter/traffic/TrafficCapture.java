package kotone.interpreter.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.text.TextLanguage;
import kotone.interpreter.modes.Ladder;

/**
 * Takes a configured share of served requests into a bounded queue, on the request thread but without waiting: when the
 * queue is full the record is dropped and counted ({@code kotone.traffic.dropped}, reason {@code queue_full}).
 * {@link TrafficShipper} empties the queue in the background.
 */
@ApplicationScoped
public class TrafficCapture {

    private final double share;
    private final double shadowShare;
    private final ShadowCandidate shadow;
    private final BlockingQueue<Pending> queue;
    private final Counter queueFull;

    /** A record on its way, with the candidate to read it with in the background, if any. */
    record Pending(CapturedRequest request, Integer shadowVersion) {
    }

    public TrafficCapture(TrafficConfig config, ShadowCandidate shadow, MeterRegistry meters) {
        if (config.share() < 0 || config.share() > 1 || config.shadowShare() < 0 || config.shadowShare() > 1) {
            throw new IllegalArgumentException("kotone.traffic.capture.share and shadow-share must be between 0 and 1");
        }
        this.share = config.share();
        this.shadowShare = config.shadowShare();
        this.shadow = shadow;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.queueFull = meters.counter("kotone.traffic.dropped", "reason", "queue_full");
        meters.gaugeCollectionSize("kotone.traffic.queued", List.of(), queue);
    }

    /**
     * @param mode the mode asked for
     * @param traceId the request's trace id; a request without a valid one is not recorded (its record could not be deleted by it)
     */
    public void offer(String text, String weather, String mode, Ladder.Outcome outcome, String traceId, double latencyMs) {
        if (share <= 0 || share < 1 && ThreadLocalRandom.current().nextDouble() >= share || !validTraceId(traceId)) {
            return;
        }
        RuleInterpreter.Reading rules = outcome.rules();
        String inputType = rules == null ? null : rules.partsNamed() > 0 ? "rule_prompt" : "request_text";
        double coverage = outcome.reading().coverage();
        CapturedRequest record = new CapturedRequest(traceId, Instant.now(), text, TextLanguage.of(text).code(), inputType, weather, mode,
                outcome.reading().source().key(), outcome.reading().modelVersion(), outcome.reading().vector(), outcome.readings(),
                coverage < 0 ? null : coverage, latencyMs, null);
        Integer candidate = shadow.version().filter(version -> shadowShare >= 1 || ThreadLocalRandom.current().nextDouble() < shadowShare)
                .orElse(null);
        if (!queue.offer(new Pending(record, candidate))) {
            queueFull.increment();
        }
    }

    /** Moves up to {@code max} records into {@code into}; answers how many. */
    int drainTo(List<Pending> into, int max) {
        return queue.drainTo(into, max);
    }

    private static boolean validTraceId(String traceId) {
        return traceId != null && traceId.length() == 32 && !traceId.equals("00000000000000000000000000000000");
    }
}
