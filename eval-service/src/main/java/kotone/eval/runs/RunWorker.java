package kotone.eval.runs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import kotone.eval.config.EvalConfig;
import kotone.eval.config.InstanceName;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Takes chunks of queued runs from PostgreSQL and executes them, one chunk at a time per instance. Several instances
 * share the work, even of one run (each claim skips chunks another holds); a chunk whose instance died is claimed
 * again once its heartbeat is stale and continues where its samples stop, so no run stays "running" forever and no
 * sample is stored twice. Whichever instance finishes the last chunk computes the run's metrics, once.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final RunRepository runs;
    private final RunExecutor executor;
    private final EvalConfig config;
    private final String instance;
    private final ManagedExecutor background;
    private final AtomicBoolean draining = new AtomicBoolean();

    public RunWorker(RunRepository runs, RunExecutor executor, EvalConfig config, InstanceName instance, ManagedExecutor background) {
        this.runs = runs;
        this.executor = executor;
        this.config = config;
        this.instance = instance.get();
        this.background = background;
    }

    @Scheduled(every = "${kotone.eval.poll-ms:500}ms", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Looks for work now instead of at the next poll (after a run is queued). */
    public void nudge() {
        background.execute(this::drain);
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (true) {
                RunRepository.Chunk chunk = runs.claimChunk(instance, config.staleAfterMs()).orElse(null);
                if (chunk == null) {
                    return;
                }
                EvalRun run = runs.find(chunk.runId()).orElseThrow();
                try {
                    executor.executeChunk(run, chunk, instance);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "run %s failed in chunk %d", run.id(), chunk.chunkNo());
                    runs.fail(run.id(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for queued work: %s", e.getMessage());
        } finally {
            draining.set(false);
        }
    }
}
