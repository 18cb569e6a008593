package kotone.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a candidate model replaces the promoted one, from both models' runs on the same eval set:
 * the candidate's JSON validity reaches the minimum, its vector MAE is not worse, every focus dimension is
 * better, and no more than the allowed share of samples got worse. Every check gives a reason, passed or not.
 */
public final class PromotionGate {

    private final GateThresholds thresholds;

    public PromotionGate(GateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public record Decision(boolean promote, List<String> reasons) {
    }

    /**
     * @param promoted the promoted model's run metrics (as stored: json_valid_rate, vector_mae, mae_raw_by_dim)
     * @param candidate the candidate's run metrics
     * @param worseShare the share of items whose error grew from the promoted run to the candidate's
     */
    public Decision decide(Map<String, Object> promoted, Map<String, Object> candidate, List<String> focusDimensions, double worseShare) {
        List<String> reasons = new ArrayList<>();
        boolean pass = true;
        double valid = number(candidate, "json_valid_rate", 0);
        boolean validOk = valid >= thresholds.minJsonValidRate();
        pass &= validOk;
        reasons.add(String.format(Locale.ROOT, "%s json_valid_rate %.3f (minimum %.2f)", mark(validOk), valid, thresholds.minJsonValidRate()));

        double before = number(promoted, "vector_mae", Double.POSITIVE_INFINITY);
        double after = number(candidate, "vector_mae", Double.POSITIVE_INFINITY);
        boolean maeOk = after <= before + thresholds.maxMaeIncrease();
        pass &= maeOk;
        reasons.add(String.format(Locale.ROOT, "%s vector_mae %.3f against the promoted model's %.3f (may not be worse)", mark(maeOk), after, before));

        Map<String, Object> beforeByDim = map(promoted, "mae_raw_by_dim");
        Map<String, Object> afterByDim = map(candidate, "mae_raw_by_dim");
        for (String dimension : focusDimensions) {
            double was = number(beforeByDim, dimension, Double.POSITIVE_INFINITY);
            double now = number(afterByDim, dimension, Double.POSITIVE_INFINITY);
            boolean better = now < was;
            pass &= better;
            reasons.add(String.format(Locale.ROOT, "%s focus dimension %s: MAE %.3f against %.3f (must be better)", mark(better), dimension, now, was));
        }

        boolean fewWorse = worseShare <= thresholds.maxWorseShare();
        pass &= fewWorse;
        reasons.add(String.format(Locale.ROOT, "%s %.1f%% of samples got worse (at most %.0f%%)", mark(fewWorse), worseShare * 100,
                thresholds.maxWorseShare() * 100));
        return new Decision(pass, reasons);
    }

    private static String mark(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> metrics, String key) {
        Object value = metrics == null ? null : metrics.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    private static double number(Map<String, Object> metrics, String key, double missing) {
        Object value = metrics == null ? null : metrics.get(key);
        return value instanceof Number n ? n.doubleValue() : missing;
    }
}
