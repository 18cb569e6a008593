package kotone.eval.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kotone.eval.config.EvalConfig;
import kotone.eval.runs.EvalMode;
import kotone.eval.runs.EvalRun;
import kotone.eval.runs.RunRepository;
import kotone.eval.runs.RunWorker;
import kotone.eval.sets.EvalSet;

/**
 * The runs the gate compares: a model version's run on a set is reused when one finished recently, else queued, and the
 * gate waits for them all. A run that could not complete (a dependency stayed down) is not judged: an outage is not a
 * model failure, and outages never become samples.
 */
@ApplicationScoped
public class GateRuns {

    private static final long POLL_MS = 200;

    private final RunRepository runs;
    private final RunWorker worker;
    private final EvalConfig config;

    public GateRuns(RunRepository runs, RunWorker worker, EvalConfig config) {
        this.runs = runs;
        this.worker = worker;
        this.config = config;
    }

    public static String versionLabel(int version) {
        return "v" + version;
    }

    /** A recent completed run of the version on the set, or a new one queued in item order. */
    public UUID runOf(EvalSet set, int version, EvalMode mode, String traceparent) {
        Instant recent = Instant.now().minus(Duration.ofMillis(config.gate().reuseRunsWithinMs()));
        Optional<EvalRun> reusable = runs.latestCompleted(set.id(), mode.key(), versionLabel(version), recent);
        return reusable.map(EvalRun::id).orElseGet(() -> queue(set, versionLabel(version), mode, traceparent, null));
    }

    /** A new run of a mode that reads no model version (the rules), recorded with the version that answered. */
    public UUID unversionedRunOf(EvalSet set, EvalMode mode, String traceparent) {
        return queue(set, null, mode, traceparent, null);
    }

    /** A new run of the version on the set that asks the items in a shuffled order: the A/A calibration's repeat. */
    public UUID repeatOf(EvalSet set, int version, EvalMode mode, String traceparent, long orderSeed) {
        return queue(set, versionLabel(version), mode, traceparent, orderSeed);
    }

    private UUID queue(EvalSet set, String versionLabel, EvalMode mode, String traceparent, Long orderSeed) {
        UUID id = UUID.randomUUID();
        runs.insert(id, set.id(), mode.key(), set.count(), versionLabel, config.priceTable().version(), config.pageSize(), traceparent,
                orderSeed);
        worker.nudge();
        return id;
    }

    /** Waits until every run completes; a run that fails (a dependency stayed down) or times out stops the gate. */
    public List<EvalRun> await(List<UUID> ids) {
        long deadline = System.currentTimeMillis() + config.gate().waitMs();
        List<EvalRun> done = new ArrayList<>();
        for (UUID id : ids) {
            while (true) {
                EvalRun run = runs.find(id).orElseThrow(() -> new GateFailed("run " + id + " disappeared"));
                if ("completed".equals(run.status())) {
                    done.add(run);
                    break;
                }
                if ("failed".equals(run.status())) {
                    throw new GateFailed("run " + id + " on " + run.datasetId() + " did not complete, so the gate does not judge it (an outage "
                            + "is not a model failure): " + run.error());
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new GateFailed("run " + id + " on " + run.datasetId() + " did not finish within " + config.gate().waitMs() + " ms");
                }
                pause();
            }
        }
        return done;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateFailed("interrupted while waiting for runs");
        }
    }
}
