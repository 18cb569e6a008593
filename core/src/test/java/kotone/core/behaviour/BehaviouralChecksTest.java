package kotone.core.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import org.junit.jupiter.api.Test;

class BehaviouralChecksTest {

    private final BehaviouralChecks checks = new BehaviouralChecks();

    private static MusicVector vector(int energy, int warmth, int brightness, int acousticness, int complexity, int nostalgia) {
        return MusicVector.of(new int[] {energy, warmth, brightness, acousticness, complexity, nostalgia});
    }

    private static Expectation expect(Dimension dimension, String op, int value) {
        return new Expectation(dimension, ExpectationOp.fromSymbol(op).orElseThrow(), value);
    }

    @Test
    void levelsInvarianceAndDirectionAreJudgedAndNumberedInItemOrder() {
        List<BehaviouralItem> items = List.of(
                new BehaviouralItem(0, "en", "level", List.of(expect(Dimension.ENERGY, "<=", 40)), null),
                new BehaviouralItem(1, "en", "invariance", List.of(expect(Dimension.ENERGY, "<=", 40)), Relation.invariance(0, 8)),
                new BehaviouralItem(2, "ja", "direction", List.of(expect(Dimension.ENERGY, "<=", 35)), Relation.direction(0, Dimension.ENERGY,
                        Towards.LOW)),
                new BehaviouralItem(3, "ja", "two-dimensions", List.of(expect(Dimension.WARMTH, ">=", 60), expect(Dimension.BRIGHTNESS, "<=", 40)),
                        null));
        Map<Integer, MusicVector> readings = new HashMap<>();
        readings.put(0, vector(38, 50, 50, 50, 50, 50));
        readings.put(1, vector(36, 50, 61, 50, 50, 50)); // brightness moved 11: more than 8
        readings.put(2, vector(30, 50, 50, 50, 50, 50));
        readings.put(3, vector(50, 66, 45, 50, 50, 50));
        List<Check> judged = checks.judge(items, readings::get);

        assertThat(judged).extracting(Check::checkNo).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(judged).extracting(Check::kind).containsExactly(CheckKind.LEVEL, CheckKind.LEVEL, CheckKind.INVARIANCE, CheckKind.LEVEL,
                CheckKind.DIRECTION, CheckKind.LEVEL, CheckKind.LEVEL);
        assertThat(judged).extracting(Check::passed).containsExactly(true, true, false, true, true, true, false);
        Check invariance = judged.get(2);
        assertThat(invariance.read()).isEqualTo("brightness moved 11 (50 -> 61)");
        assertThat(invariance.expected()).isEqualTo("no dimension moves more than 8 from item 0's reading");
        assertThat(judged.get(6).expected()).isEqualTo("brightness <= 40");
        assertThat(judged.get(6).read()).isEqualTo("brightness 45");

        ExpectationSummary summary = ExpectationSummary.of(judged);
        assertThat(summary.checks()).isEqualTo(7);
        assertThat(summary.passed()).isEqualTo(5);
        assertThat(summary.passRate()).isEqualTo(5 / 7.0);
        assertThat(summary.byKind().get("invariance").passRate()).isZero();
        assertThat(summary.byKind().get("direction").passRate()).isEqualTo(1.0);
        assertThat(summary.byDimension().keySet()).containsExactly("energy", "warmth", "brightness", "all");
        assertThat(summary.byLanguage().get("ja").checks()).isEqualTo(4);
        assertThat(summary.byCategory().get("two-dimensions").passed()).isEqualTo(1);
    }

    @Test
    void aStrongerWordingMustMoveFurtherOnTheNamedSide() {
        List<BehaviouralItem> items = List.of(
                new BehaviouralItem(0, "en", "level", List.of(), null),
                new BehaviouralItem(1, "en", "direction", List.of(), Relation.direction(0, Dimension.NOSTALGIA, Towards.HIGH)));
        assertThat(checks.judge(items, no -> no == 0 ? vector(50, 50, 50, 50, 50, 65) : vector(50, 50, 50, 50, 50, 65)).get(0).passed())
                .as("as far as the plain wording is not further").isFalse();
        assertThat(checks.judge(items, no -> no == 0 ? vector(50, 50, 50, 50, 50, 50) : vector(50, 50, 50, 50, 50, 45)).get(0).passed())
                .as("the wrong side is not further").isFalse();
        assertThat(checks.judge(items, no -> no == 0 ? vector(50, 50, 50, 50, 50, 62) : vector(50, 50, 50, 50, 50, 70)).get(0).passed()).isTrue();
    }

    @Test
    void anItemWithoutAReadingFailsEveryCheckItCarriesAndEveryRelationOnIt() {
        List<BehaviouralItem> items = List.of(
                new BehaviouralItem(0, "en", "level", List.of(expect(Dimension.ENERGY, ">=", 60)), null),
                new BehaviouralItem(1, "en", "invariance", List.of(), Relation.invariance(0, 8)));
        List<Check> judged = checks.judge(items, no -> no == 0 ? null : vector(70, 50, 50, 50, 50, 50));
        assertThat(judged).extracting(Check::passed).containsExactly(false, false);
        assertThat(judged.get(0).read()).isEqualTo("no valid reading");
        assertThat(judged.get(1).read()).isEqualTo("no valid reading for item 0");
    }

    @Test
    void aSetWithoutChecksHasNoPassRate() {
        assertThat(ExpectationSummary.of(List.of()).passRate()).isNull();
    }
}
