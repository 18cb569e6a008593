package kotone.core.traffic;

/**
 * How far apart two samples' means are in units of their pooled standard deviation (Cohen's d). Unlike a p-value it does
 * not grow with the sample: a million live requests a point off the training mean are still a small effect.
 */
public final class EffectSize {

    /** Dimensions are integers on 0-100: a spread below one point is read as one point, so two constant samples stay finite. */
    static final double MIN_STANDARD_DEVIATION = 1.0;

    private EffectSize() {
    }

    /** Positive when {@code live} is above {@code reference}; 0 when either side is empty. */
    public static double cohensD(Moments live, Moments reference) {
        if (live.count() == 0 || reference.count() == 0) {
            return 0;
        }
        long degrees = live.count() + reference.count() - 2;
        double pooled = degrees <= 0 ? 0
                : ((live.count() - 1) * live.variance() + (reference.count() - 1) * reference.variance()) / degrees;
        return (live.mean() - reference.mean()) / Math.max(MIN_STANDARD_DEVIATION, Math.sqrt(pooled));
    }
}
