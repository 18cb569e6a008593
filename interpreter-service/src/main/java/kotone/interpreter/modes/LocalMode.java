package kotone.interpreter.modes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import kotone.core.interpret.RuleInterpreter;
import kotone.core.model.LocalModel;
import kotone.interpreter.model.ActiveModel;
import kotone.interpreter.model.CandidateModels;
import kotone.interpreter.model.ServedModel;

/** The local mode: the promoted model, in-process, no network call. */
@ApplicationScoped
public class LocalMode {

    private final ActiveModel active;
    private final CandidateModels candidates;

    public LocalMode(ActiveModel active, CandidateModels candidates) {
        this.active = active;
        this.candidates = candidates;
    }

    /** What the local model read, and the model that read it (its combination is what auto serves it with). */
    public record Local(Reading reading, LocalModel model, LocalModel.Prediction prediction) {
    }

    /**
     * @param version a registered model version to use instead of the promoted one (to evaluate a candidate), or null
     * @param rules the rules' reading of the text, which a stacked model reads as features
     */
    public Local read(String text, Integer version, RuleInterpreter.Reading rules) throws ModeUnavailable {
        ServedModel served = version == null ? active.get().orElseThrow(() -> new ModeUnavailable("no_model_promoted",
                "no local model is promoted yet: run ./kotone bootstrap, or train one (POST /api/v1/training-jobs) "
                        + "and promote it (POST /api/v1/models/{version}/promote)")) : candidate(version);
        LocalModel.Prediction prediction = served.model().predict(served.featurizer().features(text, rules));
        String note = String.format(Locale.ROOT, "local model v%d (%s): %.0f%% of the request's words seen in training%s",
                served.version(), served.method(), prediction.coverage() * 100, prediction.namesParts() ? ", names catalog parts" : "");
        return new Local(new Reading(prediction.vector(), ModelSource.LOCAL_MODEL, "v" + served.version(), true, null, List.of(), List.of(note),
                prediction.coverage()), served.model(), prediction);
    }

    private ServedModel candidate(int version) throws ModeUnavailable {
        try {
            return candidates.get(version).orElseThrow(() -> new ModeUnavailable("unknown_model_version", "no model version " + version));
        } catch (ModeUnavailable e) {
            throw e;
        } catch (Exception e) {
            throw new ModeUnavailable("model_unavailable", "model version " + version + " could not be loaded: " + e.getMessage());
        }
    }
}
