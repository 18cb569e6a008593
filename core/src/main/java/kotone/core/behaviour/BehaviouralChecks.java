package kotone.core.behaviour;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Judges a run's readings against an eval set's expectations and relations. Checks are numbered in item order (an
 * item's expectations, then its relation), so the numbering depends on the set alone. An item without a valid
 * reading fails each of its checks, and so does a relation whose base had none.
 */
public final class BehaviouralChecks {

    private static final String NO_READING = "no valid reading";

    /** @param readings the run's valid reading of an item, or null when it had none */
    public List<Check> judge(List<BehaviouralItem> items, IntFunction<MusicVector> readings) {
        List<BehaviouralItem> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt(BehaviouralItem::itemNo));
        List<Check> checks = new ArrayList<>();
        for (BehaviouralItem item : ordered) {
            MusicVector reading = readings.apply(item.itemNo());
            for (Expectation expectation : item.expectations()) {
                boolean passed = reading != null && expectation.holds(reading);
                String read = reading == null ? NO_READING : expectation.dimension().key() + " " + reading.get(expectation.dimension());
                checks.add(new Check(checks.size(), item.itemNo(), CheckKind.LEVEL, expectation.dimension(), item.language(), item.category(),
                        expectation.describe(), read, passed));
            }
            Relation relation = item.relation();
            if (relation != null) {
                MusicVector base = readings.apply(relation.baseItemNo());
                checks.add(relation.kind() == CheckKind.INVARIANCE
                        ? invariance(checks.size(), item, relation, base, reading)
                        : direction(checks.size(), item, relation, base, reading));
            }
        }
        return checks;
    }

    private static Check invariance(int checkNo, BehaviouralItem item, Relation relation, MusicVector base, MusicVector reading) {
        String expected = "no dimension moves more than " + relation.maxShift() + " from item " + relation.baseItemNo() + "'s reading";
        if (base == null || reading == null) {
            return new Check(checkNo, item.itemNo(), CheckKind.INVARIANCE, null, item.language(), item.category(), expected,
                    missing(base, reading, relation), false);
        }
        Dimension widest = Dimension.ALL.get(0);
        for (Dimension dimension : Dimension.ALL) {
            if (shift(base, reading, dimension) > shift(base, reading, widest)) {
                widest = dimension;
            }
        }
        int moved = shift(base, reading, widest);
        String read = widest.key() + " moved " + moved + " (" + base.get(widest) + " -> " + reading.get(widest) + ")";
        return new Check(checkNo, item.itemNo(), CheckKind.INVARIANCE, null, item.language(), item.category(), expected, read,
                moved <= relation.maxShift());
    }

    private static Check direction(int checkNo, BehaviouralItem item, Relation relation, MusicVector base, MusicVector reading) {
        Dimension dimension = relation.dimension();
        Towards towards = relation.towards();
        String expected = dimension.key() + " further from 50 towards " + towards.key() + " than item " + relation.baseItemNo()
                + (base == null ? "" : " (" + base.get(dimension) + ")");
        if (base == null || reading == null) {
            return new Check(checkNo, item.itemNo(), CheckKind.DIRECTION, dimension, item.language(), item.category(), expected,
                    missing(base, reading, relation), false);
        }
        int strong = towards.deviation(reading.get(dimension));
        int plain = towards.deviation(base.get(dimension));
        return new Check(checkNo, item.itemNo(), CheckKind.DIRECTION, dimension, item.language(), item.category(), expected,
                dimension.key() + " " + reading.get(dimension), strong > plain && strong > 0);
    }

    private static int shift(MusicVector a, MusicVector b, Dimension dimension) {
        return Math.abs(a.get(dimension) - b.get(dimension));
    }

    private static String missing(MusicVector base, MusicVector reading, Relation relation) {
        return reading == null ? NO_READING : NO_READING + " for item " + relation.baseItemNo();
    }
}
