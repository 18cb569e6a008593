package kotone.core.profile;

import java.util.List;

/** What a customer prefers beyond the vector: style and gimmick tags to lean on, parts to avoid. */
public record Constraints(List<String> preferredStyleTags, List<String> preferredGimmickTags, List<String> avoidPartIds) {

    public Constraints {
        preferredStyleTags = preferredStyleTags == null ? List.of() : List.copyOf(preferredStyleTags);
        preferredGimmickTags = preferredGimmickTags == null ? List.of() : List.copyOf(preferredGimmickTags);
        avoidPartIds = avoidPartIds == null ? List.of() : List.copyOf(avoidPartIds);
    }

    public static Constraints none() {
        return new Constraints(List.of(), List.of(), List.of());
    }
}
