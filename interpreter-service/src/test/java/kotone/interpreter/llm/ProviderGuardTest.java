package kotone.interpreter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProviderGuardTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void opensAfterConsecutiveFailuresAndLetsOneTrialThroughAfterTheCoolDown() {
        ProviderGuard guard = new ProviderGuard(3, 500, 10, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(guard.tryAcquire()).isNull();
            guard.release(false);
        }
        assertThat(guard.tryAcquire()).isEqualTo("llm_circuit_open");
        now.addAndGet(500);
        assertThat(guard.tryAcquire()).isNull();
        assertThat(guard.tryAcquire()).as("only one trial while half-open").isEqualTo("llm_circuit_open");
        guard.release(false);
        assertThat(guard.tryAcquire()).as("a failed trial opens it again").isEqualTo("llm_circuit_open");
        now.addAndGet(500);
        assertThat(guard.tryAcquire()).isNull();
        guard.release(true);
        assertThat(guard.tryAcquire()).isNull();
        assertThat(guard.tryAcquire()).isNull();
    }

    @Test
    void aSuccessResetsTheCount() {
        ProviderGuard guard = new ProviderGuard(2, 500, 10, now::get);
        guard.tryAcquire();
        guard.release(false);
        guard.tryAcquire();
        guard.release(true);
        guard.tryAcquire();
        guard.release(false);
        assertThat(guard.tryAcquire()).isNull();
    }

    @Test
    void theBulkheadTurnsAwayCallsBeyondItsSize() {
        ProviderGuard guard = new ProviderGuard(3, 500, 2, now::get);
        assertThat(guard.tryAcquire()).isNull();
        assertThat(guard.tryAcquire()).isNull();
        assertThat(guard.tryAcquire()).isEqualTo("llm_bulkhead_full");
        guard.release(true);
        assertThat(guard.tryAcquire()).isNull();
    }
}
