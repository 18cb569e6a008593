package kotone.core.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import kotone.core.vector.MusicVector;

/** What a customer wants: a vector, tags that must, may and must not appear, and constraints. */
public record TargetProfile(
        MusicVector vector,
        List<String> requiredTags,
        List<String> optionalTags,
        List<String> forbiddenTags,
        Constraints constraints) {

    public TargetProfile {
        Objects.requireNonNull(vector, "vector");
        requiredTags = distinct(requiredTags);
        optionalTags = distinct(optionalTags);
        forbiddenTags = distinct(forbiddenTags);
        constraints = constraints == null ? Constraints.none() : constraints;
    }

    private static List<String> distinct(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
    }
}
