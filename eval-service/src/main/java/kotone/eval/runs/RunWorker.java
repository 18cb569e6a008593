package kotone.eval.runs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import kotone.eval.config.EvalConfig;
import kotone.eval.config.InstanceName;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Takes chunks of queued runs from PostgreSQL and executes them. An instance asks one chunk's items at a time, and
 * claims the next chunk once they are all asked, while the last answers of the one before come in and are stored (at
 * most {@value #OPEN_CHUNKS} chunks open per instance). Several instances share the work, even of one run (each claim
 * skips chunks another holds); a chunk whose instance died is claimed again once its heartbeat is stale and continues
 * where its samples stop, so no run stays "running" forever and no sample is stored twice. Whichever instance finishes
 * the last chunk computes the run's metrics, once.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);
    private static final int OPEN_CHUNKS = 2;

    private final RunRepository runs;
    private final RunExecutor executor;
    private final EvalConfig config;
    private final String instance;
    private final ManagedExecutor background;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Semaphore openChunks = new Semaphore(OPEN_CHUNKS);

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
                openChunks.acquire();
                if (!claimAndStart()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("could not look for queued work: %s", e.getMessage());
        } finally {
            draining.set(false);
        }
    }

    /** Claims a chunk and starts it; the open-chunk permit taken for it is given back when the chunk ends, or now. */
    private boolean claimAndStart() throws InterruptedException {
        RunRepository.Chunk chunk;
        EvalRun run;
        CompletableFuture<Void> end;
        try {
            chunk = runs.claimChunk(instance, config.staleAfterMs()).orElse(null);
            if (chunk == null) {
                openChunks.release();
                return false;
            }
            run = runs.find(chunk.runId()).orElseThrow();
        } catch (RuntimeException e) {
            openChunks.release();
            throw e;
        }
        try {
            end = executor.startChunk(run, chunk, instance);
        } catch (RuntimeException e) {
            end = CompletableFuture.failedFuture(e);
        }
        end.whenComplete((done, failure) -> {
            openChunks.release();
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.errorf(cause, "run %s failed in chunk %d", run.id(), chunk.chunkNo());
                failQuietly(run, cause);
            }
        });
        return true;
    }

    private void failQuietly(EvalRun run, Throwable cause) {
        try {
            runs.fail(run.id(), cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("could not mark run %s failed: %s", run.id(), e.getMessage());
        }
    }
}
