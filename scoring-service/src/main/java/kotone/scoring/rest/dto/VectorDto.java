package kotone.scoring.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kotone.core.vector.MusicVector;

/** The six dimensions as integers on 0-100. */
public record VectorDto(
        @NotNull @Min(0) @Max(100) Integer energy,
        @NotNull @Min(0) @Max(100) Integer warmth,
        @NotNull @Min(0) @Max(100) Integer brightness,
        @NotNull @Min(0) @Max(100) Integer acousticness,
        @NotNull @Min(0) @Max(100) Integer complexity,
        @NotNull @Min(0) @Max(100) Integer nostalgia) {

    public MusicVector toVector() {
        return new MusicVector(energy, warmth, brightness, acousticness, complexity, nostalgia);
    }

    public static VectorDto of(MusicVector v) {
        return new VectorDto(v.energy(), v.warmth(), v.brightness(), v.acousticness(), v.complexity(), v.nostalgia());
    }
}
