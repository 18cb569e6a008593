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
    public MetricsSummary summary() {
        long values = judged * Dimension.COUNT;
        Double mse = ratio(squaredSum, values);
        Map<String, Double> byDimension = null;
        if (judged > 0) {
            byDimension = new LinkedHashMap<>();
            for (Dimension dimension : Dimension.ALL) {
                byDimension.put(dimension.key(), ratio(absoluteByDimension[dimension.ordinal()], judged));
            }
        }
        return new MetricsSummary(samples, valid, judged, ratio(valid, samples), ratio(absoluteSum, values), mse,
                mse == null ? null : mse / (100.0 * 100.0), r2(values), byDimension, ratio(constraintMatches, judged), ratio(slotSum, judged),
                // the mean is over the scored samples: how many there were, and how many the scoring service refused, is said
                ratio(intentSum, intentCount), intentCount, scoringFailed, ratio(sanitySum, samples), percentile(50), percentile(95),
                costUnknown || samples == 0 ? null : costSum / samples * 100, null, null);
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
