package kotone.interpreter.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.TraceId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.text.TextLanguage;
import kotone.core.vector.MusicVector;
import kotone.interpreter.modes.Ladder;

/**
 * Takes a configured share of served requests into a bounded queue, on the request thread but without waiting: when the
 * queue is full the record is dropped and counted ({@code kotone.traffic.dropped}, reason {@code queue_full}). The
 * request thread only keeps references to what the answer already holds; {@link TrafficShipper} turns them into records
 * (language, input type, shadow reading) in the background. The queue is lock-free: many request threads add while
 * one shipper takes.
 */
@ApplicationScoped
public class TrafficCapture {

    private final double share;
    private final double shadowShare;
    private final ShadowCandidate shadow;
    private final int capacity;
    private final Queue<Served> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter queueFull;

    /**
     * What a served request left for the shipper: parts the answer already holds, taken by reference (not the whole
     * outcome, whose notes and readings would otherwise stay alive in the queue).
     *
     * @param partsNamed how many catalog parts the rules found, or -1 when the rules were not consulted
     * @param shadowVersion the candidate to read it with in the background, or null
     */
    record Served(String text, String weather, String mode, String servedSource, String modelVersion, MusicVector served,
            Map<String, MusicVector> readings, int partsNamed, double coverage, String traceId, double latencyMs, Instant servedAt,
            Integer shadowVersion) {

        CapturedRequest toRecord() {
            String inputType = partsNamed < 0 ? null : partsNamed > 0 ? "rule_prompt" : "request_text";
            return new CapturedRequest(traceId, servedAt, text, TextLanguage.of(text).code(), inputType, weather, mode, servedSource,
                    modelVersion, served, readings, coverage < 0 ? null : coverage, latencyMs, null);
        }
    }

    public TrafficCapture(TrafficConfig config, ShadowCandidate shadow, MeterRegistry meters) {
        if (config.share() < 0 || config.share() > 1 || config.shadowShare() < 0 || config.shadowShare() > 1) {
            throw new IllegalArgumentException("kotone.traffic.capture.share and shadow-share must be between 0 and 1");
        }
        this.share = config.share();
        this.shadowShare = config.shadowShare();
        this.shadow = shadow;
        this.capacity = config.queueCapacity();
        this.queueFull = meters.counter("kotone.traffic.dropped", "reason", "queue_full");
        meters.gauge("kotone.traffic.queued", queued);
    }

    /**
     * @param mode the mode asked for
     * @param traceId the request's trace id; a request without a valid one is not recorded (its record could not be deleted by it)
     */
    public void offer(String text, String weather, String mode, Ladder.Outcome outcome, String traceId, double latencyMs) {
        if (share <= 0 || share < 1 && ThreadLocalRandom.current().nextDouble() >= share || traceId == null || !TraceId.isValid(traceId)) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            queueFull.increment();
            return;
        }
        Integer candidate = shadow.version().filter(version -> shadowShare >= 1 || ThreadLocalRandom.current().nextDouble() < shadowShare)
                .orElse(null);
        RuleInterpreter.Reading rules = outcome.rules();
        queue.add(new Served(text, weather, mode, outcome.reading().source().key(), outcome.reading().modelVersion(), outcome.reading().vector(),
                outcome.readings(), rules == null ? -1 : rules.partsNamed(), outcome.reading().coverage(), traceId, latencyMs, Instant.now(),
                candidate));
    }

    /** Moves up to {@code max} served requests into {@code into}; answers how many. */
    int drainTo(List<Served> into, int max) {
        int taken = 0;
        Served served;
        while (taken < max && (served = queue.poll()) != null) {
            into.add(served);
            taken++;
        }
        queued.addAndGet(-taken);
        return taken;
    }
}
