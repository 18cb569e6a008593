package kotone.interpreter.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import kotone.interpreter.modes.Ladder;
import kotone.interpreter.modes.ModeUnavailable;

/**
 * Reads a served request again with the shadowed candidate, on the shipper's thread, never a player's. A candidate that
 * cannot be loaded leaves the record without a shadow reading and is counted ({@code kotone.traffic.shadow.failed}).
 */
@ApplicationScoped
public class ShadowReader {

    private final Ladder ladder;
    private final Counter failed;

    public ShadowReader(Ladder ladder, MeterRegistry meters) {
        this.ladder = ladder;
        this.failed = meters.counter("kotone.traffic.shadow.failed");
    }

    /** @return the candidate's reading, or null when it could not read */
    public ShadowReading read(String text, String weather, int version) {
        long start = System.nanoTime();
        try {
            Ladder.Outcome outcome = ladder.withoutLlm(text, weather, version);
            return new ShadowReading(version, outcome.reading().vector(), Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0);
        } catch (ModeUnavailable e) {
            failed.increment();
            return null;
        }
    }
}
