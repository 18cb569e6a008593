package kotone.core.gate;

/**
 * A focus dimension of the target, judged with Holm's correction across the focus dimensions.
 *
 * @param ci the interval at the Holm-adjusted confidence given beside it
 * @param pBetter Holm-adjusted one-sided p-value of an improvement
 * @param pWorse Holm-adjusted one-sided p-value of a deterioration
 */
public record FocusResult(String dimension, double champion, double candidate, double delta, double[] ci, double confidence, double pBetter,
        double pWorse, boolean improved, boolean worsened) {
}
