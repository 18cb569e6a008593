package kotone.eval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import kotone.core.gate.GateSettings;

@ConfigMapping(prefix = "kotone.eval")
public interface EvalConfig {

    /** Interpreter calls in flight per instance (a call asks one item, or a batch in the in-process modes). */
    @WithDefault("8")
    int concurrency();

    /** Items fetched, scored and stored together: a chunk that any instance may claim. */
    @WithDefault("256")
    int pageSize();

    /** Items per interpreter and scoring call in the in-process modes (rule_baseline, local_model). */
    @WithDefault("32")
    int batchSize();

    /** How a trace id becomes a link, e.g. a Jaeger UI: {traceId} is replaced. */
    @WithDefault("http://localhost:16686/trace/{traceId}")
    String traceUrlTemplate();

    /** How often an idle instance looks for queued runs. */
    @WithDefault("500")
    long pollMs();

    /** A running run whose instance has not reported for this long is taken over by another (or by this one after a restart). */
    @WithDefault("30000")
    long staleAfterMs();

    /** How often this instance beats on its gate checks and cycles (read by {@code LeaseKeeper}'s schedule). */
    @WithDefault("10s")
    String heartbeatEvery();

    PriceTable priceTable();

    Outages outages();

    /**
     * How a run waits for a dependency that is down: each waiting chunk is claimed again after a backoff that doubles
     * from the initial to the maximum, and the run fails, naming the dependency, once it has waited longer than the limit.
     */
    interface Outages {
        @WithDefault("500")
        long initialBackoffMs();

        @WithDefault("15000")
        long maxBackoffMs();

        @WithDefault("600000")
        long giveUpAfterMs();
    }

    Cycle cycle();

    Gate gate();

    /** The promotion gate: champion and candidate on the target and every guard, compared item by item. */
    interface Gate {
        /** The eval mode both models answer in: auto is what players get. */
        @WithDefault("auto")
        String mode();

        /** How much worse a guard's vector MAE may be at the worse end of its 95% interval. */
        @WithDefault("0.5")
        double maeMargin();

        /** The same for a guard's expectation pass rate, as a share: 0.02 is two points. */
        @WithDefault("0.02")
        double passRateMargin();

        /** The intervals' error rate: 0.05 gives 95% intervals. */
        @WithDefault("0.05")
        double alpha();

        @WithDefault("2000")
        int resamples();

        @WithDefault("20261203")
        long seed();

        /** The candidate's share of valid answers on the target must reach this. */
        @WithDefault("0.98")
        double minJsonValidRate();

        /** How long a gate check may wait for its runs. */
        @WithDefault("600000")
        long waitMs();

        /** A model's completed run on a set this recent is reused instead of asking the same questions again. */
        @WithDefault("3600000")
        long reuseRunsWithinMs();

        Live live();

        /** What the gate asks of a candidate shadowed on live traffic (see {@link kotone.core.gate.LiveMargins}). */
        interface Live {
            /** Fewer shadowed requests with a clear rule reading than this decide nothing. */
            @WithDefault("50")
            int minRequests();

            /** How far the share of live expectations met may fall at the worse end of its 95% interval. */
            @WithDefault("0.05")
            double maxExpectationDrop();

            /** The candidate's own reading time at p95, in ms. */
            @WithDefault("5")
            double maxCandidateP95Ms();

            default kotone.core.gate.LiveMargins margins() {
                return new kotone.core.gate.LiveMargins(minRequests(), maxExpectationDrop(), maxCandidateP95Ms());
            }
        }

        default GateSettings settings() {
            return new GateSettings(maeMargin(), passRateMargin(), alpha(), resamples(), seed(), minJsonValidRate());
        }
    }

    interface Cycle {
        /** New pairs from the catalog teacher aimed at the focus dimensions, per cycle. */
        @WithDefault("200")
        int augmentPairs();

        /** Hard cases analysed and replayed per cycle. */
        @WithDefault("20")
        int topK();

        /** Methods the candidate's training compares (empty: the dataset service's default). */
        java.util.Optional<java.util.List<String>> trainingMethods();

        /** How long a step may wait for a run or a training job. */
        @WithDefault("600000")
        long stepTimeoutMs();
    }

    interface PriceTable {
        /** Stored with every run, so old costs stay explained when prices change. */
        @WithDefault("2026-11-25.1")
        String version();

        /** USD per request by eval mode; a mode without a price has an unknown cost (shown as null, never 0). */
        Map<String, Double> usdPerRequest();
    }
}
