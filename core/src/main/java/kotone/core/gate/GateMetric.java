package kotone.core.gate;

/** What the gate compares on an eval set: the vector MAE of items with targets, or the share of behavioural checks passed. */
public enum GateMetric {
    VECTOR_MAE("vector_mae", true),
    EXPECTATION_PASS_RATE("expectation_pass_rate", false);

    private final String key;
    private final boolean lowerIsBetter;

    GateMetric(String key, boolean lowerIsBetter) {
        this.key = key;
        this.lowerIsBetter = lowerIsBetter;
    }

    /** The metric's name in run metrics and decisions. */
    public String key() {
        return key;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** A change (candidate minus champion) expressed so that positive is always better. */
    public double gain(double delta) {
        return lowerIsBetter ? -delta : delta;
    }
}
