package kotone.eval.runs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kotone.eval.config.EvalConfig;
import org.jboss.logging.Logger;

/**
 * Takes chunks of queued runs from PostgreSQL and executes them. Several instances share the work, even of one run
 * (each claim skips chunks another holds); a chunk whose instance died is claimed again once its heartbeat is
 * stale and continues where its samples stop, so no run stays "running" forever and no sample is stored twice.
 * Whichever instance finishes the last chunk computes the run's metrics, once.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final RunRepository runs;
    private final RunExecutor executor;
    private final EvalConfig config;
    private final String instance = "eval-" + UUID.randomUUID();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kotone-eval-runs");
        thread.setDaemon(true);
        return thread;
    });

    public RunWorker(RunRepository runs, RunExecutor executor, EvalConfig config) {
        this.runs = runs;
        this.executor = executor;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        loop.scheduleWithFixedDelay(this::drain, config.pollMs(), config.pollMs(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.shutdownNow();
        executor.shutdown();
    }

    /** Wakes the loop now instead of at the next poll (after a run is queued). */
    public void nudge() {
        loop.execute(this::drain);
    }

    private void drain() {
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
        }
    }

    /** This instance's name in the chunk table. */
    public String instance() {
        return instance;
    }
}
