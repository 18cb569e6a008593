package kotone.scoring.rest.dto;

import java.util.Map;

public record ScoreResponse(
        int total,
        String rank,
        BreakdownDto breakdown,
        Map<String, String> coachFeedbackBySlot,
        Map<String, String> suggestedPartsBySlot,
        VectorDto composedVector) {

    public record BreakdownDto(int vectorScore, int tagScore, int preferenceScore, int synergyScore,
            int antiSynergyPenalty) {
    }
}
