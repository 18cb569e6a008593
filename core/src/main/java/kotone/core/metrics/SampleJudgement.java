package kotone.core.metrics;

import java.util.Map;
import kotone.core.catalog.Slot;
import kotone.core.derive.ProfileDerivation;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * What one eval sample earned, as the original report defines it, on the 0-100 scale: absolute errors per
 * dimension, whether the constraints derived from the prediction equal those derived from the target, the
 * share of slots whose best-fitting part is the same, and the output sanity score (12 for an invalid answer,
 * else 70 plus 0.3 times the spread of the vector, clamped to 0-100).
 */
public record SampleJudgement(int[] absoluteErrors, double mae, boolean constraintMatch, double slotExactMatch, double outputSanity) {

    public static final double INVALID_SANITY = 12;

    public static SampleJudgement of(MusicVector predicted, MusicVector target, ProfileDerivation derivation) {
        int[] errors = new int[Dimension.COUNT];
        double sum = 0;
        for (Dimension dimension : Dimension.ALL) {
            errors[dimension.ordinal()] = Math.abs(predicted.get(dimension) - target.get(dimension));
            sum += errors[dimension.ordinal()];
        }
        boolean constraints = derivation.constraints(predicted).equals(derivation.constraints(target));
        Map<Slot, String> predictedParts = derivation.nearestPartPerSlot(predicted);
        Map<Slot, String> targetParts = derivation.nearestPartPerSlot(target);
        int same = 0;
        for (Slot slot : Slot.ALL) {
            if (predictedParts.get(slot).equals(targetParts.get(slot))) {
                same++;
            }
        }
        return new SampleJudgement(errors, sum / Dimension.COUNT, constraints, same / (double) Slot.ALL.size(), sanity(predicted));
    }

    public static double sanity(MusicVector vector) {
        return Math.round(Math.max(0, Math.min(100, 70 + vector.spread() * 0.3)));
    }
}
