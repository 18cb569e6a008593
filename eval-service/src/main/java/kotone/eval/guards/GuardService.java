package kotone.eval.guards;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.common.problem.ProblemException;
import kotone.eval.sets.EvalSet;
import kotone.eval.sets.EvalSetRepository;

/** Registers, lists and removes guard sets. */
@ApplicationScoped
public class GuardService {

    private final GuardRepository guards;
    private final EvalSetRepository sets;

    public GuardService(GuardRepository guards, EvalSetRepository sets) {
        this.guards = guards;
        this.sets = sets;
    }

    /** @return the guard, and whether this call registered it (false: it already was) */
    public record Registered(GuardView guard, boolean created) {
    }

    @Transactional
    public Registered register(RegisterGuardRequest request, String caller) {
        EvalSet set = sets.find(request.datasetId()).orElseThrow(() -> new ProblemException(Problem.of(404, "Not Found",
                "no eval set " + request.datasetId(), List.of(new FieldError("datasetId", "unknown eval set")))));
        Guard existing = guards.findById(set.id());
        if (existing != null) {
            return new Registered(GuardView.of(existing, set), false);
        }
        Guard guard = Guard.of(set.id(), request.note(), caller);
        guards.persist(guard);
        return new Registered(GuardView.of(guard, set), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GuardView> list() {
        return guards.all().stream().map(guard -> GuardView.of(guard, sets.find(guard.setId).orElseThrow())).toList();
    }

    /** The guards' eval sets, for the gate (which runs outside any request, so it opens a transaction of its own). */
    @Transactional
    public List<EvalSet> sets() {
        return guards.all().stream().map(guard -> sets.find(guard.setId).orElseThrow()).toList();
    }

    @Transactional
    public void remove(String datasetId) {
        if (!guards.deleteById(datasetId)) {
            throw ProblemException.notFound("no guard on eval set " + datasetId);
        }
    }
}
