package kotone.core.gate;

import kotone.core.stats.Interval;
import kotone.core.stats.PairedBootstrap;

/**
 * One paired comparison: both means, the mean change (candidate minus champion), its bootstrap interval and how many
 * units got better, worse or stayed.
 */
public record Change(int units, double champion, double candidate, double delta, Interval ci95, int better, int worse, int unchanged) {

    public static Change of(PairedUnits units, GateMetric metric, PairedBootstrap bootstrap, long seed, double confidence) {
        PairedBootstrap.Result result = bootstrap.run(units.differences(), seed);
        int better = 0;
        int worse = 0;
        double[] differences = units.differences();
        for (double difference : differences) {
            double gain = metric.gain(difference);
            if (gain > 0) {
                better++;
            } else if (gain < 0) {
                worse++;
            }
        }
        return new Change(units.size(), units.championMean(), units.candidateMean(), result.mean(), result.interval(confidence), better, worse,
                units.size() - better - worse);
    }
}
