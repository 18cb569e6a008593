package kotone.core.derive;

import static org.assertj.core.api.Assertions.assertThat;

import kotone.core.catalog.Catalog;
import kotone.core.catalog.Slot;
import kotone.core.profile.TargetProfile;
import kotone.core.scoring.ScoreCalculator;
import kotone.core.scoring.Selection;
import kotone.core.scoring.SelectionOptimizer;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class ProfileDerivationTest {

    private final Catalog catalog = Catalog.standard();
    private final ProfileDerivation derivation = new ProfileDerivation(catalog);

    @Test
    void aQuietNostalgicAcousticVectorAsksForWhatItSoundsLike() {
        TargetProfile profile = derivation.profile(new MusicVector(22, 62, 30, 76, 34, 82));

        assertThat(profile.requiredTags()).containsExactly("nostalgic", "acoustic", "warm");
        assertThat(profile.optionalTags()).containsExactly("cozy", "calm", "night");
        assertThat(profile.forbiddenTags()).containsExactly("festival", "digital");
        assertThat(profile.constraints().preferredStyleTags()).containsExactly("folk_70s");
        assertThat(profile.constraints().preferredGimmickTags()).containsExactly("rain");
        assertThat(profile.constraints().avoidPartIds()).contains("style_2010s_edm");
    }

    @Test
    void hiddenParamsCarryTheRequiredAndOptionalTagsAndTheConstraints() {
        MusicVector vector = new MusicVector(22, 62, 30, 76, 34, 82);
        var hidden = derivation.hiddenParams(vector);

        assertThat(hidden.vector()).isEqualTo(vector);
        assertThat(hidden.tags()).containsExactly("nostalgic", "acoustic", "warm", "cozy", "calm", "night");
        assertThat(hidden.constraints()).isEqualTo(derivation.constraints(vector));
    }

    @Test
    void everyDerivedTagIsCarriedBySomePart() {
        MusicVector loud = new MusicVector(90, 80, 90, 90, 90, 90);
        MusicVector soft = new MusicVector(5, 5, 5, 5, 5, 5);
        for (MusicVector vector : new MusicVector[] {loud, soft}) {
            TargetProfile profile = derivation.profile(vector);
            for (String tag : profile.requiredTags()) {
                assertThat(catalog.parts()).as(tag).anyMatch(part -> part.hasTag(tag));
            }
            for (String tag : profile.optionalTags()) {
                assertThat(catalog.parts()).as(tag).anyMatch(part -> part.hasTag(tag));
            }
        }
    }

    @Test
    void topPartPerSlotFollowsTheVector() {
        SelectionOptimizer optimizer = new SelectionOptimizer(ScoreCalculator.standard(catalog));

        Selection party = optimizer.topPartPerSlot(new MusicVector(85, 60, 88, 40, 40, 35));
        Selection hearth = optimizer.topPartPerSlot(new MusicVector(25, 88, 40, 85, 30, 85));

        assertThat(catalog.requirePart(party.get(Slot.MOOD)).tags()).containsAnyOf("party", "bright");
        assertThat(catalog.requirePart(hearth.get(Slot.MOOD)).tags()).containsAnyOf("cozy", "nostalgic", "warm");
        assertThat(catalog.requirePart(hearth.get(Slot.INSTRUMENT)).tags()).contains("acoustic");
    }

    @Test
    void recommendationsStayWithinTheInventory() {
        SelectionOptimizer optimizer = new SelectionOptimizer(ScoreCalculator.standard(catalog));
        var recommended = optimizer.recommend(derivation.profile(MusicVector.neutral()), catalog.starterPartIds(), 3);

        for (Slot slot : Slot.ALL) {
            assertThat(recommended.get(slot)).hasSizeBetween(1, 3).allMatch(catalog.starterPartIds()::contains);
        }
    }
}
