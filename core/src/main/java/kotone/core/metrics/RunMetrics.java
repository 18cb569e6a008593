package kotone.core.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import kotone.core.vector.Dimension;

/**
 * The metrics of the original report for one run (or one slice of it), accumulated sample by sample so a run of
 * any size needs only its latencies in memory. On the 0-100 scale. Error metrics, constraint and slot matches
 * count valid samples of items with a target (behavioural items may have none); json_valid_rate, output sanity and
 * latencies count every sample. A metric with nothing to average is null, and the cost is null when any sample's
 * price is unknown.
 */
public final class RunMetrics {

    private long samples;
    private long valid;
    private long judged;
    private double absoluteSum;
    private double squaredSum;
    private double targetSum;
    private double targetSquaredSum;
    private final double[] absoluteByDimension = new double[Dimension.COUNT];
    private long constraintMatches;
    private double slotSum;
    private long intentCount;
    private double intentSum;
    private long scoringFailed;
    private double sanitySum;
    private double[] latencies = new double[64];
    private double costSum;
    private boolean costUnknown;

    public void add(EvalSample sample) {
        if (samples == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[(int) samples] = sample.latencyMs();
        samples++;
        if (sample.costUsd() == null) {
            costUnknown = true;
        } else {
            costSum += sample.costUsd();
        }
        if (sample.intentScore() != null) {
            intentCount++;
            intentSum += sample.intentScore();
        }
        if (sample.scoringFailed()) {
            scoringFailed++;
        }
        if (!sample.valid()) {
            sanitySum += SampleJudgement.INVALID_SANITY;
            return;
        }
        valid++;
        SampleJudgement judgement = sample.judgement();
        if (judgement == null) {
            // a behavioural item without a target: a valid answer, with nothing to measure its error against
            sanitySum += SampleJudgement.sanity(sample.predicted());
            return;
        }
        judged++;
        sanitySum += judgement.outputSanity();
        for (Dimension dimension : Dimension.ALL) {
            int error = judgement.absoluteErrors()[dimension.ordinal()];
            int target = sample.target().get(dimension);
            absoluteSum += error;
            squaredSum += (double) error * error;
            absoluteByDimension[dimension.ordinal()] += error;
            targetSum += target;
            targetSquaredSum += (double) target * target;
        }
        if (judgement.constraintMatch()) {
            constraintMatches++;
        }
        slotSum += judgement.slotExactMatch();
    }

    public long samples() {
        return samples;
    }

    /** The metrics under the names of the original report. */
    public Map<String, Object> asMap() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        long values = judged * Dimension.COUNT;
        metrics.put("samples", samples);
        metrics.put("valid_samples", valid);
        metrics.put("judged_samples", judged);
        metrics.put("json_valid_rate", ratio(valid, samples));
        metrics.put("vector_mae", ratio(absoluteSum, values));
        Double mse = ratio(squaredSum, values);
        metrics.put("mse_raw", mse);
        metrics.put("mse_norm", mse == null ? null : mse / (100.0 * 100.0));
        metrics.put("r2_score", r2(values));
        Map<String, Double> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.ALL) {
            byDimension.put(dimension.key(), ratio(absoluteByDimension[dimension.ordinal()], judged));
        }
        metrics.put("mae_raw_by_dim", judged == 0 ? null : byDimension);
        metrics.put("constraint_match_rate", ratio(constraintMatches, judged));
        metrics.put("slot_exact_match", ratio(slotSum, judged));
        metrics.put("intent_score_mean", ratio(intentSum, intentCount));
        // the mean is over the scored samples: how many there were, and how many the scoring service refused, is said
        metrics.put("intent_scored_samples", intentCount);
        metrics.put("scoring_failed_samples", scoringFailed);
        metrics.put("output_sanity_score", ratio(sanitySum, samples));
        metrics.put("p50_latency_ms", percentile(50));
        metrics.put("p95_latency_ms", percentile(95));
        metrics.put("cost_per_100_requests_usd", costUnknown || samples == 0 ? null : costSum / samples * 100);
        return metrics;
    }

    private Double r2(long values) {
        if (values == 0) {
            return null;
        }
        double mean = targetSum / values;
        double total = targetSquaredSum - values * mean * mean;
        return total <= 0 ? 0.0 : 1 - squaredSum / total;
    }

    /** Nearest-rank percentile of the raw durations, as the original computed it. */
    private Double percentile(double p) {
        if (samples == 0) {
            return null;
        }
        double[] sorted = Arrays.copyOf(latencies, (int) samples);
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index];
    }

    private static Double ratio(double numerator, long denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
