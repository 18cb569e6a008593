package kotone.core.gate;

/**
 * The promotion gate's thresholds.
 *
 * @param minJsonValidRate the candidate's json_valid_rate must reach this
 * @param maxMaeIncrease the candidate's vector MAE may exceed the promoted model's by at most this (0: not worse)
 * @param maxWorseShare at most this share of samples may get worse
 */
public record GateThresholds(double minJsonValidRate, double maxMaeIncrease, double maxWorseShare) {

    public static GateThresholds defaults() {
        return new GateThresholds(0.98, 0.0, 0.5);
    }
}
