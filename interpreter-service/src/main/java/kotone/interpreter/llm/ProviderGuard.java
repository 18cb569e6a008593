package kotone.interpreter.llm;

import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Protects the service from one provider: a circuit breaker (after a few consecutive failures the provider is
 * skipped at no cost until a cool-down passes, then one trial call decides) and a bulkhead (a bounded number of
 * calls in flight, so a slow provider cannot hold every worker thread).
 */
public final class ProviderGuard {

    private enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long openMillis;
    private final Semaphore inFlight;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public ProviderGuard(int failureThreshold, long openMillis, int maxInFlight, LongSupplier clock) {
        this.failureThreshold = failureThreshold;
        this.openMillis = openMillis;
        this.inFlight = new Semaphore(maxInFlight);
        this.clock = clock;
    }

    /** Why a call may not start now, or null when it may (then {@link #release} must follow). */
    public synchronized String tryAcquire() {
        if (state == State.OPEN) {
            if (clock.getAsLong() - openedAt < openMillis) {
                return "llm_circuit_open";
            }
            state = State.HALF_OPEN;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return "llm_circuit_open";
            }
            trialInFlight = true;
        }
        if (!inFlight.tryAcquire()) {
            if (state == State.HALF_OPEN) {
                trialInFlight = false;
            }
            return "llm_bulkhead_full";
        }
        return null;
    }

    public synchronized void release(boolean succeeded) {
        inFlight.release();
        trialInFlight = false;
        if (succeeded) {
            consecutiveFailures = 0;
            state = State.CLOSED;
        } else {
            consecutiveFailures++;
            if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
                state = State.OPEN;
                openedAt = clock.getAsLong();
            }
        }
    }

    public synchronized boolean open() {
        return state == State.OPEN && clock.getAsLong() - openedAt < openMillis;
    }
}
