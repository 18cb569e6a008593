package kotone.core.profile;

import java.util.List;
import java.util.Objects;
import kotone.core.vector.MusicVector;

/** What the interpreter reads out of a request: the vector, its tags and its constraints. */
public record HiddenParams(MusicVector vector, List<String> tags, Constraints constraints) {

    public HiddenParams {
        Objects.requireNonNull(vector, "vector");
        tags = tags == null ? List.of() : List.copyOf(tags);
        constraints = constraints == null ? Constraints.none() : constraints;
    }
}
