package kotone.scoring.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Many selections, each with its own profile; scored in order. */
public record BatchScoreRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid ScoreRequest> items) {
}
