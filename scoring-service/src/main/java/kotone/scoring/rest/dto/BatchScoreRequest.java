package kotone.scoring.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Many selections, each with its own profile; scored in order.
 *
 * @param coaching false to score without the per-slot coaching (each costs about 45 more scores): an eval keeps only
 *     the total. Coaching is given unless asked not to.
 */
public record BatchScoreRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid ScoreRequest> items, Boolean coaching) {

    public boolean coached() {
        return coaching == null || coaching;
    }
}
