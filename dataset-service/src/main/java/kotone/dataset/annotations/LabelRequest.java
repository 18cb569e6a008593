package kotone.dataset.annotations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A person's reading of a live request: the six dimensions and, optionally, tags. */
public record LabelRequest(@Valid @NotNull VectorInput vector,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be a tag: 1-40 of a-z, 0-9 and _") String> tags) {
}
