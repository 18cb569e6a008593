package kotone.scoring.rest.dto;

import java.util.Map;

/** @param ruleset the rules the composition was scored by */
public record ScoreResponse(
        int total,
        String rank,
        BreakdownDto breakdown,
        Map<String, String> coachFeedbackBySlot,
        Map<String, String> suggestedPartsBySlot,
        VectorDto composedVector,
        String ruleset) {

    public record BreakdownDto(int vectorScore, int tagScore, int preferenceScore, int synergyScore,
            int antiSynergyPenalty) {
    }
}
