package kotone.core.profile;

import java.util.List;
import java.util.Objects;
import kotone.core.vector.MusicVector;

/**
 * What a customer wants: a vector, tags that must, may and must not appear, and constraints. The tag lists are kept as
 * given: the original game counts a tag listed twice twice (see {@link kotone.core.scoring.ScoringRuleset}).
 */
public record TargetProfile(
        MusicVector vector,
        List<String> requiredTags,
        List<String> optionalTags,
        List<String> forbiddenTags,
        Constraints constraints) {

    public TargetProfile {
        Objects.requireNonNull(vector, "vector");
        requiredTags = listed(requiredTags);
        optionalTags = listed(optionalTags);
        forbiddenTags = listed(forbiddenTags);
        constraints = constraints == null ? Constraints.none() : constraints;
    }

    private static List<String> listed(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(tags);
    }
}
