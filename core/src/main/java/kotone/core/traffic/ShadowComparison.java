package kotone.core.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kotone.core.stats.Interval;
import kotone.core.stats.PairedBootstrap;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Turns shadowed live requests into {@link ShadowEvidence}. The expectations are the behavioural suite's kind, written
 * by the rules on live texts: where the rules read a dimension far from neutral, a reading should lie on their side.
 */
public final class ShadowComparison {

    private final int clearDistance;
    private final int expectedDistance;

    /**
     * @param clearDistance how far from 50 the rules' reading must be for an expectation (25: at most 25 or at least 75)
     * @param expectedDistance how far from 50, on the rules' side, a reading must be to meet it (10: at most 40 or at least 60)
     */
    public ShadowComparison(int clearDistance, int expectedDistance) {
        this.clearDistance = clearDistance;
        this.expectedDistance = expectedDistance;
    }

    public ShadowEvidence compare(List<ShadowPair> pairs, long seed) {
        List<ShadowEvidence.DimensionDifference> differences = new ArrayList<>();
        for (Dimension dimension : Dimension.ALL) {
            double[] values = new double[pairs.size()];
            double sum = 0;
            double absolute = 0;
            for (int i = 0; i < pairs.size(); i++) {
                values[i] = pairs.get(i).candidate().get(dimension) - pairs.get(i).served().get(dimension);
                sum += values[i];
                absolute += Math.abs(values[i]);
            }
            Arrays.sort(values);
            int n = Math.max(1, values.length);
            differences.add(new ShadowEvidence.DimensionDifference(dimension.key(), round(sum / n), round(absolute / n),
                    quantile(values, 0.10), quantile(values, 0.50), quantile(values, 0.90)));
        }
        // paired by request: each request's expectations are one unit, so a request with six clear dimensions is not six samples
        List<Double> perRequest = new ArrayList<>();
        int checked = 0;
        int championMet = 0;
        int candidateMet = 0;
        for (ShadowPair pair : pairs) {
            if (pair.rules() == null) {
                continue;
            }
            int expectations = 0;
            int difference = 0;
            for (Dimension dimension : Dimension.ALL) {
                int rule = pair.rules().get(dimension) - MusicVector.NEUTRAL;
                if (Math.abs(rule) < clearDistance) {
                    continue;
                }
                boolean champion = met(pair.served().get(dimension), rule > 0);
                boolean candidate = met(pair.candidate().get(dimension), rule > 0);
                championMet += champion ? 1 : 0;
                candidateMet += candidate ? 1 : 0;
                difference += (candidate ? 1 : 0) - (champion ? 1 : 0);
                expectations++;
            }
            if (expectations > 0) {
                checked += expectations;
                perRequest.add(difference / (double) expectations);
            }
        }
        Interval ci = null;
        PairedBootstrap.Result paired = new PairedBootstrap(2_000).run(perRequest.stream().mapToDouble(Double::doubleValue).toArray(), seed);
        if (perRequest.size() >= 2) {
            Interval interval = paired.interval(0.95);
            ci = new Interval(round(interval.low()), round(interval.high()));
        }
        double champion = checked == 0 ? 0 : championMet / (double) checked;
        double candidate = checked == 0 ? 0 : candidateMet / (double) checked;
        return new ShadowEvidence(pairs.size(), differences,
                new ShadowEvidence.Expectations(perRequest.size(), checked, round(champion), round(candidate), round(paired.mean()), ci),
                latency(pairs.stream().mapToDouble(ShadowPair::servedLatencyMs).toArray()),
                latency(pairs.stream().mapToDouble(ShadowPair::candidateLatencyMs).toArray()));
    }

    private boolean met(int value, boolean high) {
        return high ? value >= MusicVector.NEUTRAL + expectedDistance : value <= MusicVector.NEUTRAL - expectedDistance;
    }

    private static ShadowEvidence.Latency latency(double[] values) {
        Arrays.sort(values);
        return new ShadowEvidence.Latency(quantile(values, 0.50), quantile(values, 0.95), quantile(values, 0.99));
    }

    /** The nearest-rank quantile of sorted values; 0 when there are none. */
    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
