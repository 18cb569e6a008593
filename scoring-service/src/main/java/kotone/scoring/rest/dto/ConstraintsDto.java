package kotone.scoring.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import kotone.core.profile.Constraints;

public record ConstraintsDto(
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> preferredStyleTags,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> preferredGimmickTags,
        @Size(max = 45) List<@NotBlank @Size(max = 64) String> avoidPartIds) {

    public Constraints toConstraints() {
        return new Constraints(preferredStyleTags, preferredGimmickTags, avoidPartIds);
    }

    public static ConstraintsDto of(Constraints c) {
        return new ConstraintsDto(c.preferredStyleTags(), c.preferredGimmickTags(), c.avoidPartIds());
    }
}
