package kotone.eval.runs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.common.problem.ProblemException;
import kotone.common.tracing.Traceparent;
import kotone.eval.config.EvalConfig;
import kotone.eval.sets.EvalSet;
import kotone.eval.sets.EvalSetRepository;

/** Queues runs: the run and its chunks are stored, and this instance's worker is told at once. */
@ApplicationScoped
public class RunService {

    private final RunRepository runs;
    private final EvalSetRepository sets;
    private final RunWorker worker;
    private final EvalConfig config;

    public RunService(RunRepository runs, EvalSetRepository sets, RunWorker worker, EvalConfig config) {
        this.runs = runs;
        this.sets = sets;
        this.worker = worker;
        this.config = config;
    }

    /** A queued run, as POST /eval/runs answers it. */
    public record Queued(UUID id, String status, String datasetId, String mode) {
    }

    public Queued queue(StartRunRequest request) {
        EvalSet set = sets.find(request.datasetId()).orElseThrow(() -> new ProblemException(Problem.of(404, "Not Found",
                "no eval set " + request.datasetId(), List.of(new FieldError("datasetId", "unknown eval set")))));
        UUID id = UUID.randomUUID();
        runs.insert(id, set.id(), request.mode(), set.count(), request.modelVersion(), config.priceTable().version(), config.pageSize(),
                Traceparent.current());
        worker.nudge();
        return new Queued(id, "queued", set.id(), request.mode());
    }
}
