package kotone.eval.cards;

/**
 * One guard set and metric on a model card: the rules, the local model and auto, and auto against the better of the two.
 *
 * @param metric {@code vector_mae} (lower is better) or {@code expectation_pass_rate}
 * @param bestSingle {@code rule} or {@code local}, whichever did better on the set
 * @param autoVsBest auto minus the best single source, as a mean over the paired units (items or checks)
 * @param ciLow the low end of its 95% paired bootstrap interval
 * @param autoNoWorse false only when the whole interval lies on the worse side
 */
public record GuardRow(String datasetId, String metric, double rule, double local, double auto, String bestSingle, double autoVsBest,
        double ciLow, double ciHigh, boolean autoNoWorse, String ruleRunId, String localRunId, String autoRunId) {
}
