package kotone.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.catalog.Part;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.i18n.Language;
import kotone.core.profile.Constraints;
import kotone.core.profile.TargetProfile;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of scoring over random selections and profiles (QuickTheories, with shrinking). */
class ScoringPropertiesTest {

    private static final Catalog CATALOG = Catalog.standard();
    private static final List<String> TAGS = CATALOG.parts().stream().flatMap(p -> p.tags().stream()).distinct().toList();
    private static final int EXAMPLES = 1000;

    private final ScoreCalculator calculator = ScoreCalculator.standard(CATALOG);
    private final SelectionOptimizer optimizer = new SelectionOptimizer(calculator);
    private final Coach coach = new Coach(calculator);
    private final CoachText coachText = new CoachText(CATALOG);

    @Test
    void totalIsAlwaysWithinZeroToHundred() {
        qt().withExamples(EXAMPLES).forAll(selections(), profiles())
                .checkAssert((selection, profile) ->
                        assertThat(calculator.score(selection, profile).total()).isBetween(0, 100));
    }

    @Test
    void breakdownSumsToTheTotalBeforeClamping() {
        qt().withExamples(EXAMPLES).forAll(selections(), profiles()).checkAssert((selection, profile) -> {
            Score score = calculator.score(selection, profile);
            ScoreBreakdown b = score.breakdown();
            assertThat(b.vectorScore()).isBetween(0, 60);
            assertThat(b.tagScore()).isBetween(0, 25);
            assertThat(b.preferenceScore()).isBetween(-10, 10);
            assertThat(b.synergyScore()).isBetween(0, 10);
            assertThat(b.antiSynergyPenalty()).isBetween(-10, 0);
            assertThat(score.total()).isEqualTo(Math.max(0, Math.min(100,
                    b.vectorScore() + b.tagScore() + b.preferenceScore() + b.synergyScore() + b.antiSynergyPenalty())));
            assertThat(score.rank()).isEqualTo(Rank.of(score.total()));
        });
    }

    @Test
    void theIdealSelectionRanksAtLeastAsHighAsARandomOne() {
        qt().withExamples(EXAMPLES).forAll(selections(), profiles()).checkAssert((random, profile) -> {
            Score ideal = calculator.score(optimizer.best(profile, null), profile);
            Score other = calculator.score(random, profile);
            assertThat(ideal.rank().atLeast(other.rank())).as("ideal %s vs random %s", ideal, other).isTrue();
        });
    }

    @Test
    void theDerivedTopPartsScoreAtLeastAsHighAsARandomSelection() {
        ProfileDerivation derivation = new ProfileDerivation(CATALOG);
        qt().withExamples(EXAMPLES).forAll(selections(), vectors()).checkAssert((random, vector) -> {
            TargetProfile profile = derivation.profile(vector);
            Score top = calculator.score(optimizer.topPartPerSlot(vector), profile);
            assertThat(top.total()).isGreaterThanOrEqualTo(calculator.score(random, profile).total());
        });
    }

    @Test
    void coachingGainIsTheRealGainOfTheSwap() {
        qt().withExamples(300).forAll(selections(), profiles()).checkAssert((selection, profile) -> {
            int before = calculator.score(selection, profile).breakdown().sum();
            for (Map.Entry<Slot, SlotAdvice> entry : coach.advise(selection, profile).entrySet()) {
                SlotAdvice advice = entry.getValue();
                assertThat(coachText.render(advice, Language.EN)).isNotBlank();
                assertThat(coachText.render(advice, Language.JA)).isNotBlank();
                if (!advice.keep()) {
                    int after = calculator.score(selection.with(entry.getKey(), advice.suggestedPartId()), profile)
                            .breakdown().sum();
                    assertThat(after - before).isEqualTo(advice.gain()).isPositive();
                }
            }
        });
    }

    static Gen<Selection> selections() {
        return part(Slot.STYLE).zip(part(Slot.INSTRUMENT), part(Slot.MOOD), part(Slot.GIMMICK), Selection::new);
    }

    static Gen<MusicVector> vectors() {
        Gen<Integer> value = integers().between(0, 100);
        return value.zip(value, value, (a, b, c) -> new int[] {a, b, c})
                .zip(value.zip(value, value, (d, e, f) -> new int[] {d, e, f}),
                        (abc, def) -> MusicVector.of(abc[0], abc[1], abc[2], def[0], def[1], def[2]));
    }

    static Gen<TargetProfile> profiles() {
        Gen<List<String>> tags = lists().of(Generate.pick(TAGS)).ofSizeBetween(0, 5);
        Gen<List<String>> avoided = lists().of(Generate.pick(CATALOG.parts()).map(Part::id)).ofSizeBetween(0, 3);
        Gen<Constraints> constraints = tags.zip(tags, avoided, Constraints::new);
        return vectors().zip(tags, tags, tags, constraints, TargetProfile::new);
    }

    private static Gen<String> part(Slot slot) {
        return Generate.pick(CATALOG.parts(slot)).map(Part::id);
    }
}
