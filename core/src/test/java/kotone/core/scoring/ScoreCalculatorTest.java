package kotone.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.profile.Constraints;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    private final ScoreCalculator calculator = ScoreCalculator.standard(Catalog.standard());

    /** Worked by hand: see the comments for each figure. */
    @Test
    void scoresTheRainyCityPopComboAsTheOriginalGameDid() {
        Selection selection = new Selection("style_80s_citypop", "inst_piano_upright", "mood_rain_ambience",
                "gimmick_beat_mute");

        Score score = calculator.score(selection, Profiles.quietRainEvening());

        // 50 pulled halfway toward each part in slot order, rounded half up at every step
        assertThat(score.composedVector()).isEqualTo(new MusicVector(56, 58, 42, 69, 43, 61));
        // distance 43.44 of 244.95 -> (1 - 0.1773) * 60 = 49.36
        assertThat(score.breakdown().vectorScore()).isEqualTo(49);
        // both required tags (18) and all four optional tags (7), nothing forbidden
        assertThat(score.breakdown().tagScore()).isEqualTo(25);
        // preferred style tag +6, preferred gimmick tag +4
        assertThat(score.breakdown().preferenceScore()).isEqualTo(10);
        // the citypop/piano/rain/beat-mute combination
        assertThat(score.breakdown().synergyScore()).isEqualTo(4);
        assertThat(score.breakdown().antiSynergyPenalty()).isZero();
        assertThat(score.total()).isEqualTo(88);
        assertThat(score.rank()).isEqualTo(Rank.A);
    }

    @Test
    void penalisesForbiddenTagsMissedPreferencesAvoidedPartsAndClashes() {
        TargetProfile profile = new TargetProfile(
                new MusicVector(22, 62, 30, 76, 34, 82),
                List.of("rain"), List.of(), List.of("festival", "bright", "catchy"),
                new Constraints(List.of("citypop_80s"), List.of("beat_mute"), List.of("style_2000s_pop", "mood_rain_ambience")));
        Selection selection = new Selection("style_2000s_pop", "inst_soft_strings", "mood_rain_ambience",
                "gimmick_thunder_pop");

        Score score = calculator.score(selection, profile);

        // required "rain" present (18) + no optional tags wanted (7) - three forbidden tags (12, capped at 10)
        assertThat(score.breakdown().tagScore()).isEqualTo(15);
        // style misses (-4), gimmick misses (-3), two avoided parts (-6) = -13, capped at -10
        assertThat(score.breakdown().preferenceScore()).isEqualTo(-10);
        // 2000s pop with rain ambience clashes
        assertThat(score.breakdown().antiSynergyPenalty()).isEqualTo(-4);
        assertThat(score.total()).isEqualTo(Math.max(0, score.breakdown().sum()));
    }

    @Test
    void ranksByTheOriginalThresholds() {
        assertThat(Rank.of(100)).isEqualTo(Rank.S);
        assertThat(Rank.of(90)).isEqualTo(Rank.S);
        assertThat(Rank.of(89)).isEqualTo(Rank.A);
        assertThat(Rank.of(75)).isEqualTo(Rank.A);
        assertThat(Rank.of(74)).isEqualTo(Rank.B);
        assertThat(Rank.of(60)).isEqualTo(Rank.B);
        assertThat(Rank.of(59)).isEqualTo(Rank.C);
        assertThat(Rank.of(40)).isEqualTo(Rank.C);
        assertThat(Rank.of(39)).isEqualTo(Rank.D);
        assertThat(Rank.of(0)).isEqualTo(Rank.D);
    }
}
