package kotone.core.scoring;

import java.util.List;
import kotone.core.profile.Constraints;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;

/** Profiles used across the scoring tests. */
final class Profiles {

    private Profiles() {
    }

    /** The original game's "quiet evening after rain" request. */
    static TargetProfile quietRainEvening() {
        return new TargetProfile(
                new MusicVector(22, 62, 30, 76, 34, 82),
                List.of("rain", "nostalgic"),
                List.of("calm", "acoustic", "citypop_80s", "beat_mute"),
                List.of("festival"),
                new Constraints(List.of("citypop_80s", "hiphop_90s"), List.of("beat_mute", "filter_rise"), List.of()));
    }
}
