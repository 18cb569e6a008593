package kotone.scoring.service;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Slot;
import kotone.core.i18n.Language;
import kotone.core.profile.TargetProfile;
import kotone.core.scoring.CoachText;
import kotone.core.scoring.Score;
import kotone.core.scoring.Selection;
import kotone.core.scoring.SlotAdvice;
import kotone.core.scoring.SlotError;
import kotone.core.scoring.SlotIntegrity;
import kotone.scoring.config.Rulesets;
import kotone.scoring.rest.dto.BatchScoreRequest;
import kotone.scoring.rest.dto.BatchScoreResponse;
import kotone.scoring.rest.dto.ScoreRequest;
import kotone.scoring.rest.dto.ScoreResponse;
import kotone.scoring.rest.dto.VectorDto;

/** Checks a selection, scores it and coaches each slot. Stateless. */
@ApplicationScoped
public class ScoringService {

    private final Catalog catalog;
    private final SlotIntegrity integrity;
    private final Rulesets rulesets;
    private final CoachText coachText;

    public ScoringService(Catalog catalog, SlotIntegrity integrity, Rulesets rulesets, CoachText coachText) {
        this.catalog = catalog;
        this.integrity = integrity;
        this.rulesets = rulesets;
        this.coachText = coachText;
    }

    @WithSpan("kotone.score")
    public ScoreResponse score(ScoreRequest request, @SpanAttribute("kotone.language") Language language) {
        List<FieldError> errors = problems(request, "");
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " problem(s) with the selection", errors);
        }
        return scoreValid(request, language, true);
    }

    @WithSpan("kotone.score.batch")
    public BatchScoreResponse scoreAll(BatchScoreRequest request, Language language) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            errors.addAll(problems(request.items().get(i), "items[" + i + "]."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() + " problem(s) in the batch; nothing was scored", errors);
        }
        List<ScoreResponse> results = new ArrayList<>(request.items().size());
        for (ScoreRequest item : request.items()) {
            results.add(scoreValid(item, language, request.coached()));
        }
        return new BatchScoreResponse(results.size(), results);
    }

    private List<FieldError> problems(ScoreRequest request, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (SlotError error : integrity.check(request.selectedPartsBySlot())) {
            errors.add(new FieldError(prefix + "selectedPartsBySlot." + error.slot(), error.message()));
        }
        var constraints = request.targetProfile().constraints();
        if (constraints != null && constraints.avoidPartIds() != null) {
            List<String> avoided = constraints.avoidPartIds();
            for (int i = 0; i < avoided.size(); i++) {
                if (!catalog.contains(avoided.get(i))) {
                    errors.add(new FieldError(prefix + "targetProfile.constraints.avoidPartIds[" + i + "]",
                            "unknown part id '" + avoided.get(i) + "'"));
                }
            }
        }
        return errors;
    }

    private ScoreResponse scoreValid(ScoreRequest request, Language language, boolean coached) {
        Selection selection = integrity.toSelection(request.selectedPartsBySlot());
        TargetProfile profile = request.targetProfile().toProfile();
        Rulesets.Scoring scoring = rulesets.get(request.ruleset());
        Score score = scoring.calculator().score(selection, profile);
        Map<String, String> feedback = new LinkedHashMap<>();
        Map<String, String> suggestions = new LinkedHashMap<>();
        Map<Slot, SlotAdvice> advice = coached ? scoring.coach().advise(selection, profile) : Map.of();
        for (Map.Entry<Slot, SlotAdvice> entry : advice.entrySet()) {
            feedback.put(entry.getKey().key(), coachText.render(entry.getValue(), language));
            suggestions.put(entry.getKey().key(), entry.getValue().keep()
                    ? selection.get(entry.getKey()) : entry.getValue().suggestedPartId());
        }
        var b = score.breakdown();
        return new ScoreResponse(score.total(), score.rank().name(),
                new ScoreResponse.BreakdownDto(b.vectorScore(), b.tagScore(), b.preferenceScore(), b.synergyScore(),
                        b.antiSynergyPenalty()),
                feedback, suggestions, VectorDto.of(score.composedVector()), scoring.calculator().ruleset().key());
    }
}
