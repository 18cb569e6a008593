package kotone.dataset.models;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.common.problem.ProblemException;

/**
 * The one door to promotion. The first model is promoted on request; after that a version is promoted only through a
 * passed gate check made against the current champion (409 naming the failing sets otherwise), unless an admin forces
 * it with a reason. A rollback returns to the previous champion. Every move is kept in the alias history.
 */
@ApplicationScoped
public class Promotions {

    private final ModelRepository models;
    private final AliasHistory history;

    public Promotions(ModelRepository models, AliasHistory history) {
        this.models = models;
        this.history = history;
    }

    public Promotion promote(int version, PromoteRequest request, String caller) {
        ModelVersion model = models.find(version).orElseThrow(() -> ProblemException.notFound("no model version " + version));
        Integer champion = models.promoted().map(ModelVersion::version).orElse(null);
        if (champion != null && champion == version) {
            throw ProblemException.conflict("model v" + version + " is already the promoted version");
        }
        ModelRepository.NewMove move;
        if (champion == null) {
            move = new ModelRepository.NewMove("first", caller, reason(request, "the first model: there was no champion to judge it against"), null);
        } else if (request.forced()) {
            if (request.reason() == null || request.reason().isBlank()) {
                throw ProblemException.badRequest("reason", "a forced promotion needs a reason, which is kept in the history");
            }
            move = new ModelRepository.NewMove("forced", caller, request.reason().strip(), null);
        } else {
            GateCheckRecord check = passedCheck(model, champion, request);
            move = new ModelRepository.NewMove("promote", caller, reason(request, "gate check " + check.checkId() + " passed against v" + champion
                    + " on " + check.targetSetId() + " and every guard"), check.checkId());
        }
        AliasMove made = models.promote(version, champion, move).orElseThrow(() -> ProblemException.conflict(
                "the promoted version changed while this promotion was decided; ask again"));
        return new Promotion(models.find(version).orElseThrow(), made);
    }

    public Promotion rollback(RollbackRequest request, String caller) {
        ModelVersion champion = models.promoted().orElseThrow(() -> ProblemException.conflict("no model is promoted: there is nothing to roll back"));
        int previous = history.previousChampion().orElseThrow(() -> ProblemException.conflict(
                "model v" + champion.version() + " has no previous champion to return to"));
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "rolled back from v" + champion.version() : request.reason().strip();
        AliasMove made = models.promote(previous, champion.version(), new ModelRepository.NewMove("rollback", caller, reason, null))
                .orElseThrow(() -> ProblemException.conflict("the promoted version changed during the rollback; ask again"));
        return new Promotion(models.find(previous).orElseThrow(), made);
    }

    /** Whether a version may be promoted by a training job that asks for it: only when nothing is promoted yet. */
    public Optional<Promotion> promoteIfFirst(int version, String caller, String reason) {
        if (models.promoted().isPresent()) {
            return Optional.empty();
        }
        return models.promote(version, null, new ModelRepository.NewMove("first", caller, reason, null))
                .map(move -> new Promotion(models.find(version).orElseThrow(), move));
    }

    private GateCheckRecord passedCheck(ModelVersion model, int champion, PromoteRequest request) {
        GateCheckRecord check;
        if (request.gateCheckId() != null) {
            check = history.check(request.gateCheckId()).filter(found -> found.version() == model.version())
                    .orElseThrow(() -> new ProblemException(Problem.of(422, "Unprocessable Content", "gate check " + request.gateCheckId()
                            + " did not judge model v" + model.version(), List.of(new FieldError("gateCheckId", "not a check of this version")))));
        } else {
            check = history.checks(model.version()).stream().findFirst().orElseThrow(() -> ProblemException.conflict("no gate check has judged "
                    + "model v" + model.version() + ": promotion goes through a passed check (POST /api/v1/eval/gate-checks "
                    + "{\"candidateVersion\": " + model.version() + ", \"datasetId\": \"es-...\"}), or an admin forces it with a reason"));
        }
        if (!check.passed()) {
            throw ProblemException.conflict("gate check " + check.checkId() + " refused model v" + model.version() + "; failing sets: "
                    + String.join(", ", check.failingSets()));
        }
        if (check.championVersion() == null || check.championVersion() != champion) {
            throw ProblemException.conflict("gate check " + check.checkId() + " judged model v" + model.version() + " against v"
                    + check.championVersion() + ", but the champion is now v" + champion + ": run a new gate check");
        }
        return check;
    }

    private static String reason(PromoteRequest request, String otherwise) {
        return request.reason() == null || request.reason().isBlank() ? otherwise : request.reason().strip();
    }
}
