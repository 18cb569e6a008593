package kotone.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kotone.core.catalog.Catalog;
import kotone.core.profile.Constraints;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

/** The original game's scoring is the default; ours differs in two synergies, two clashes and repeated tags, by name only. */
class ScoringRulesetTest {

    private final ScoreCalculator original = ScoreCalculator.standard(Catalog.standard());
    private final ScoreCalculator kotone = new ScoreCalculator(Catalog.standard(), ScoringRuleset.KOTONE);

    private static TargetProfile neutral(List<String> required) {
        return new TargetProfile(MusicVector.neutral(), required, List.of(), List.of(), Constraints.none());
    }

    @Test
    void theDefaultIsTheOriginalGame() {
        assertThat(original.ruleset()).isEqualTo(ScoringRuleset.ORIGINAL);
        assertThat(ScoringRuleset.ORIGINAL.synergies().synergies()).hasSize(3);
        assertThat(ScoringRuleset.ORIGINAL.synergies().clashes()).hasSize(2);
        assertThat(ScoringRuleset.fromKey("kotone")).contains(ScoringRuleset.KOTONE);
        assertThat(ScoringRuleset.fromKey("house")).isEmpty();
    }

    @Test
    void ourFolkCampfireComboScoresOnlyInOurRuleset() {
        Selection folk = new Selection("style_70s_folk", "inst_cello_warm", "mood_rain_ambience", "gimmick_campfire_crackle");
        TargetProfile profile = neutral(List.of());
        assertThat(original.score(folk, profile).breakdown().synergyScore()).isZero();
        assertThat(kotone.score(folk, profile).breakdown().synergyScore()).isEqualTo(4);
    }

    @Test
    void ourEdmHearthClashCostsOnlyInOurRuleset() {
        Selection clash = new Selection("style_2010s_edm", "inst_analog_synth", "mood_cozy_hearth", "gimmick_beat_mute");
        TargetProfile profile = neutral(List.of());
        assertThat(original.score(clash, profile).breakdown().antiSynergyPenalty()).isZero();
        assertThat(kotone.score(clash, profile).breakdown().antiSynergyPenalty()).isEqualTo(-4);
    }

    @Test
    void aTagListedTwiceCountsTwiceInTheOriginalAndOnceInOurs() {
        // the city-pop style carries "nostalgic"; nothing in the selection carries "festival"
        Selection selection = new Selection("style_80s_citypop", "inst_piano_upright", "mood_rain_ambience", "gimmick_beat_mute");
        TargetProfile repeated = neutral(List.of("nostalgic", "nostalgic", "festival"));
        // original: 2 of 3 required hits -> 12, plus 7 for no optional tags wanted = 19
        assertThat(original.score(selection, repeated).breakdown().tagScore()).isEqualTo(19);
        // ours: 1 of 2 distinct required tags -> 9, plus 7 = 16
        assertThat(kotone.score(selection, repeated).breakdown().tagScore()).isEqualTo(16);
        assertThat(repeated.requiredTags()).containsExactly("nostalgic", "nostalgic", "festival");
    }
}
