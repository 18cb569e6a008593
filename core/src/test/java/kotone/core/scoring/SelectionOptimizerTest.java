package kotone.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Random;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class SelectionOptimizerTest {

    private static final Catalog CATALOG = Catalog.standard();
    private final ScoreCalculator calculator = ScoreCalculator.standard(CATALOG);
    private final SelectionOptimizer optimizer = new SelectionOptimizer(calculator);

    /** The search re-implements the calculator's arithmetic for speed; it must never disagree with it. */
    @Test
    void theSearchScoresEverySelectionAsTheCalculatorDoes() {
        qt().withExamples(3000).forAll(ScoringPropertiesTest.selections(), ScoringPropertiesTest.profiles())
                .checkAssert((selection, profile) -> assertThat(optimizer.total(selection, profile))
                        .isEqualTo(calculator.score(selection, profile).breakdown().sum()));
    }

    /** Brute force with the calculator itself over all 14,560 selections, for a few derived profiles. */
    @Test
    void theBestSelectionIsTheBestOfAll() {
        Random random = new Random(7);
        ProfileDerivation derivation = new ProfileDerivation(CATALOG);
        for (int round = 0; round < 5; round++) {
            TargetProfile profile = derivation.profile(MusicVector.of(random.nextInt(101), random.nextInt(101),
                    random.nextInt(101), random.nextInt(101), random.nextInt(101), random.nextInt(101)));
            int best = calculator.score(optimizer.best(profile, null), profile).breakdown().sum();
            int bruteForce = Integer.MIN_VALUE;
            for (Part style : CATALOG.parts(Slot.STYLE)) {
                for (Part instrument : CATALOG.parts(Slot.INSTRUMENT)) {
                    for (Part mood : CATALOG.parts(Slot.MOOD)) {
                        for (Part gimmick : CATALOG.parts(Slot.GIMMICK)) {
                            Selection selection = new Selection(style.id(), instrument.id(), mood.id(), gimmick.id());
                            bruteForce = Math.max(bruteForce, calculator.score(selection, profile).breakdown().sum());
                        }
                    }
                }
            }
            assertThat(best).as("round %d", round).isEqualTo(bruteForce);
        }
    }

    /** The case that showed a local search stopping one point short of the best selection. */
    @Test
    void theTopPartsBeatTheSelectionThatCaughtTheLocalSearch() {
        MusicVector vector = new MusicVector(66, 0, 0, 0, 0, 0);
        TargetProfile profile = new ProfileDerivation(CATALOG).profile(vector);
        Selection caught = new Selection("style_90s_hiphop", "inst_piano_upright", "mood_party_face", "gimmick_beat_mute");

        assertThat(calculator.score(optimizer.topPartPerSlot(vector), profile).total())
                .isGreaterThanOrEqualTo(calculator.score(caught, profile).total());
    }

    @Test
    void theRecommendedFirstPartsFormTheBestSelection() {
        TargetProfile profile = new ProfileDerivation(CATALOG).profile(new MusicVector(22, 62, 30, 76, 34, 82));
        Selection best = optimizer.best(profile, null);
        var recommended = optimizer.recommend(profile, null, 3);
        for (Slot slot : Slot.ALL) {
            assertThat(recommended.get(slot)).hasSize(3).first().isEqualTo(best.get(slot));
        }
    }

    @Test
    void aSlotWithoutInventoryIsRecommendedNothing() {
        List<String> noMoods = CATALOG.parts().stream().filter(p -> p.slot() != Slot.MOOD).map(Part::id).toList();
        var recommended = optimizer.recommend(new ProfileDerivation(CATALOG).profile(MusicVector.neutral()), noMoods, 3);
        assertThat(recommended.get(Slot.MOOD)).isEmpty();
        assertThat(recommended.get(Slot.STYLE)).hasSize(3);
    }
}
