package kotone.eval.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.common.problem.ProblemException;
import kotone.core.gate.GateDecision;
import kotone.core.vector.Dimension;
import kotone.common.client.DependencyDown;
import kotone.common.client.UpstreamRefused;
import kotone.eval.clients.DatasetApi;
import kotone.eval.clients.DatasetCalls;
import kotone.eval.config.InstanceName;
import kotone.eval.guards.GuardService;
import kotone.eval.sets.EvalSet;
import kotone.eval.sets.EvalSetRepository;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Gate checks: a candidate judged against the champion on a target and every guard, stored, and recorded with the
 * model registry, which promotes a version only on a passed check. An admin's check runs in the background; a cycle's
 * runs in the cycle's own thread. The instance working on a check keeps a heartbeat on it, and checks whose instance
 * stopped reporting are failed by whichever instance notices (see {@link kotone.eval.leases.LeaseKeeper}).
 */
@ApplicationScoped
public class GateChecks {

    private static final Logger LOG = Logger.getLogger(GateChecks.class);

    private final GateCheckRepository checks;
    private final GateJudge judge;
    private final GuardService guards;
    private final EvalSetRepository sets;
    private final DatasetCalls dataset;
    private final String instance;
    private final ManagedExecutor background;

    public GateChecks(GateCheckRepository checks, GateJudge judge, GuardService guards, EvalSetRepository sets, DatasetCalls dataset,
            InstanceName instance, ManagedExecutor background) {
        this.checks = checks;
        this.judge = judge;
        this.guards = guards;
        this.sets = sets;
        this.dataset = dataset;
        this.instance = instance.get();
        this.background = background;
    }

    /** Queues a check an admin asked for; it runs in the background (202). */
    public GateCheckView start(StartGateCheckRequest request, String caller, String traceparent) {
        EvalSet target = sets.find(request.datasetId()).orElseThrow(() -> new ProblemException(Problem.of(404, "Not Found",
                "no eval set " + request.datasetId(), List.of(new FieldError("datasetId", "unknown eval set")))));
        int candidate = request.candidateVersion();
        if (dataset.model(candidate).isEmpty()) {
            throw new ProblemException(Problem.of(404, "Not Found", "no model version " + candidate,
                    List.of(new FieldError("candidateVersion", "unknown model version"))));
        }
        int champion = championVersion();
        if (candidate == champion) {
            throw ProblemException.unprocessable("model v" + candidate + " is the champion: there is nothing to judge",
                    List.of(new FieldError("candidateVersion", "is the promoted version")));
        }
        GateCheck check = GateCheck.queued(candidate, champion, target.id(), judge.mode().key(), caller, null);
        check.claimedBy = instance;
        checks.create(check);
        background.execute(() -> run(check.id, new GateRequest(champion, candidate, target, guards.sets(), Set.of(), List.of(), traceparent)));
        return GateCheckView.of(check);
    }

    /** Judges a cycle's candidate now, in the cycle's thread, as a stored check like any other. */
    public GateCheckView judgeForCycle(int cycle, String caller, GateRequest request) {
        GateCheck check = GateCheck.queued(request.candidateVersion(), request.championVersion(), request.target().id(), judge.mode().key(),
                caller, cycle);
        check.claimedBy = instance;
        checks.create(check);
        run(check.id, new GateRequest(request.championVersion(), request.candidateVersion(), request.target(), guards.sets(),
                request.setAside(), request.focus(), request.traceparent()));
        return find(check.id);
    }

    /** The eval mode the gate judges in. */
    public kotone.eval.runs.EvalMode mode() {
        return judge.mode();
    }

    public GateCheckView find(UUID id) {
        return checks.find(id).map(GateCheckView::of).orElseThrow(() -> ProblemException.notFound("no gate check " + id));
    }

    public List<GateCheckView> page(Integer candidateVersion, int limit, int offset) {
        return checks.page(candidateVersion, limit, offset).stream().map(GateCheckView::of).toList();
    }

    private int championVersion() {
        return dataset.promotedModel().map(DatasetApi.ModelEntry::version).orElseThrow(() -> ProblemException.conflict(
                "no model is promoted yet, so there is no champion to judge against: the first promotion needs no gate check "
                        + "(POST /api/v1/models/{version}/promote)"));
    }

    private void run(UUID id, GateRequest request) {
        if (!checks.start(id, instance)) {
            return;
        }
        GateDecision decision = null;
        try {
            decision = judge.judge(request);
            GateCheck check = checks.find(id).orElseThrow();
            dataset.recordGateCheck(request.candidateVersion(), new DatasetApi.GateCheckRecord(id, check.championVersion, check.targetSetId,
                    decision.promote(), decision.failingSets(), Instant.now()));
            checks.complete(id, instance, decision);
        } catch (GateFailed e) {
            checks.fail(id, instance, decision, e.getMessage());
        } catch (DependencyDown | UpstreamRefused e) {
            checks.fail(id, instance, decision, "the model registry could not record the check, so no promotion can rest on it: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "gate check %s failed", id);
            checks.fail(id, instance, decision, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The target's focus dimensions, by key. */
    public static List<Dimension> dimensions(List<String> keys) {
        return keys.stream().map(key -> Dimension.fromKey(key).orElseThrow()).toList();
    }
}
