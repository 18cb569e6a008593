package kotone.scoring.rest.dto;

import java.util.List;

/** The scores in the order of the request's items. */
public record BatchScoreResponse(int count, List<ScoreResponse> results) {
}
