package kotone.eval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "kotone.eval")
public interface EvalConfig {

    @WithDefault("http://localhost:8081")
    String interpreterUrl();

    @WithDefault("http://localhost:8082")
    String scoringUrl();

    @WithDefault("http://localhost:8084")
    String datasetUrl();

    /** Interpreter calls in flight per run. */
    @WithDefault("8")
    int concurrency();

    /** Items fetched, scored and stored together. */
    @WithDefault("256")
    int pageSize();

    /** How a trace id becomes a link, e.g. a Jaeger UI: {traceId} is replaced. */
    @WithDefault("http://localhost:16686/trace/{traceId}")
    String traceUrlTemplate();

    /**
     * Runs of up to this many items put every sample in the trace of the request that queued the run; larger runs
     * give each sample a trace of its own, linked to that request, so no trace grows without bound.
     */
    @WithDefault("2000")
    int traceParentMaxItems();

    /** How often an idle instance looks for queued runs. */
    @WithDefault("500")
    long pollMs();

    /** A running run whose instance has not reported for this long is taken over by another (or by this one after a restart). */
    @WithDefault("30000")
    long staleAfterMs();

    PriceTable priceTable();

    Cycle cycle();

    interface Cycle {
        /** New pairs from the catalog teacher aimed at the focus dimensions, per cycle. */
        @WithDefault("200")
        int augmentPairs();

        /** Hard cases analysed and replayed per cycle. */
        @WithDefault("20")
        int topK();

        @WithDefault("0.98")
        double minJsonValidRate();

        /** How much the candidate's vector MAE may exceed the promoted model's (0: not worse at all). */
        @WithDefault("0.0")
        double maxMaeIncrease();

        @WithDefault("0.5")
        double maxWorseShare();

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
