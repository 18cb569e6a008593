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

    /** How often an idle instance looks for queued runs. */
    @WithDefault("500")
    long pollMs();

    /** A running run whose instance has not reported for this long is taken over by another (or by this one after a restart). */
    @WithDefault("30000")
    long staleAfterMs();

    PriceTable priceTable();

    interface PriceTable {
        /** Stored with every run, so old costs stay explained when prices change. */
        @WithDefault("2026-11-25.1")
        String version();

        /** USD per request by eval mode; a mode without a price has an unknown cost (shown as null, never 0). */
        Map<String, Double> usdPerRequest();
    }
}
