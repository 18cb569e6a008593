package kotone.core.behaviour;

import kotone.core.vector.Dimension;

/**
 * How an item's reading must relate to another item's (its base): the pair of an invariance or a direction check.
 *
 * @param baseItemNo the other item of the pair, in the same eval set
 * @param dimension for direction: the dimension the stronger wording moves; null for invariance
 * @param towards for direction: the side it moves to; null for invariance
 * @param maxShift for invariance: how far any dimension may move; 0 for direction
 */
public record Relation(CheckKind kind, int baseItemNo, Dimension dimension, Towards towards, int maxShift) {

    public static final int DEFAULT_MAX_SHIFT = 8;

    public Relation {
        if (kind == CheckKind.LEVEL) {
            throw new IllegalArgumentException("a relation is an invariance or a direction");
        }
        if (kind == CheckKind.DIRECTION && (dimension == null || towards == null)) {
            throw new IllegalArgumentException("a direction names its dimension and the side it moves to");
        }
        if (kind == CheckKind.INVARIANCE && (maxShift < 0 || maxShift > 100)) {
            throw new IllegalArgumentException("an invariance's max shift is on 0-100, got " + maxShift);
        }
    }

    public static Relation invariance(int baseItemNo, int maxShift) {
        return new Relation(CheckKind.INVARIANCE, baseItemNo, null, null, maxShift);
    }

    public static Relation direction(int baseItemNo, Dimension dimension, Towards towards) {
        return new Relation(CheckKind.DIRECTION, baseItemNo, dimension, towards, 0);
    }
}
