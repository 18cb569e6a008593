package kotone.eval.leases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import kotone.eval.config.EvalConfig;
import kotone.eval.config.InstanceName;
import kotone.eval.cycles.CycleRepository;
import kotone.eval.gate.GateCheckRepository;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's background work alive and ends the work of instances that stopped reporting. Gate checks and
 * cycles carry their owner and a heartbeat; this beats for ours, and fails the running ones whose heartbeat is older
 * than {@code kotone.eval.stale-after-ms}, whoever owned them. A restart therefore fails only its own work (once it is
 * stale), never a sibling's.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    private final GateCheckRepository checks;
    private final CycleRepository cycles;
    private final InstanceName instance;
    private final EvalConfig config;

    public LeaseKeeper(GateCheckRepository checks, CycleRepository cycles, InstanceName instance, EvalConfig config) {
        this.checks = checks;
        this.cycles = cycles;
        this.instance = instance;
        this.config = config;
    }

    @Scheduled(every = "${kotone.eval.heartbeat-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        try {
            checks.heartbeat(instance.get());
            cycles.heartbeat(instance.get());
            Instant stale = Instant.now().minusMillis(config.staleAfterMs());
            int abandonedChecks = checks.failAbandoned(stale);
            int abandonedCycles = cycles.failAbandoned(stale);
            if (abandonedChecks + abandonedCycles > 0) {
                LOG.warnf("failed %d gate check(s) and %d cycle(s) whose eval instance stopped reporting", abandonedChecks, abandonedCycles);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not keep background work alive: %s", e.getMessage());
        }
    }
}
