package kotone.scoring.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import kotone.core.profile.TargetProfile;

/** A customer's intent as the caller sends it; tags and constraints are optional. */
public record TargetProfileDto(
        @NotNull @Valid VectorDto vector,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> requiredTags,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> optionalTags,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> forbiddenTags,
        @Valid ConstraintsDto constraints) {

    public TargetProfile toProfile() {
        return new TargetProfile(vector.toVector(), requiredTags, optionalTags, forbiddenTags,
                constraints == null ? null : constraints.toConstraints());
    }

    public static TargetProfileDto of(TargetProfile p) {
        return new TargetProfileDto(VectorDto.of(p.vector()), p.requiredTags(), p.optionalTags(), p.forbiddenTags(),
                ConstraintsDto.of(p.constraints()));
    }
}
