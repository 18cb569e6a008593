package kotone.dataset.annotations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import kotone.core.vector.MusicVector;

/** The six dimensions as a person set them, each an integer on 0-100. */
public record VectorInput(
        @NotNull @Min(0) @Max(100) Integer energy,
        @NotNull @Min(0) @Max(100) Integer warmth,
        @NotNull @Min(0) @Max(100) Integer brightness,
        @NotNull @Min(0) @Max(100) Integer acousticness,
        @NotNull @Min(0) @Max(100) Integer complexity,
        @NotNull @Min(0) @Max(100) Integer nostalgia) {

    public MusicVector toVector() {
        return new MusicVector(energy, warmth, brightness, acousticness, complexity, nostalgia);
    }
}
