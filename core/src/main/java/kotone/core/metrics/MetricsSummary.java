package kotone.core.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import kotone.core.behaviour.ExpectationSummary;

/**
 * A run's metrics (or a slice's) under the names of the original report, on the 0-100 scale. A metric with nothing to
 * average is null; the cost is null when any sample's price is unknown.
 *
 * @param intentScoredSamples the samples intent_score_mean averages over
 * @param scoringFailedSamples samples whose top recommendation the scoring service refused to score (counted, not hidden)
 * @param expectationPassRate for a behavioural set, the share of its checks passed; else null
 * @param expectations for a behavioural set, the pass rates by kind, dimension, language and category; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricsSummary(
        @JsonProperty("samples") long samples,
        @JsonProperty("valid_samples") long validSamples,
        @JsonProperty("judged_samples") long judgedSamples,
        @JsonProperty("json_valid_rate") Double jsonValidRate,
        @JsonProperty("vector_mae") Double vectorMae,
        @JsonProperty("mse_raw") Double mseRaw,
        @JsonProperty("mse_norm") Double mseNorm,
        @JsonProperty("r2_score") Double r2Score,
        @JsonProperty("mae_raw_by_dim") Map<String, Double> maeRawByDim,
        @JsonProperty("constraint_match_rate") Double constraintMatchRate,
        @JsonProperty("slot_exact_match") Double slotExactMatch,
        @JsonProperty("intent_score_mean") Double intentScoreMean,
        @JsonProperty("intent_scored_samples") long intentScoredSamples,
        @JsonProperty("scoring_failed_samples") long scoringFailedSamples,
        @JsonProperty("output_sanity_score") Double outputSanityScore,
        @JsonProperty("p50_latency_ms") Double p50LatencyMs,
        @JsonProperty("p95_latency_ms") Double p95LatencyMs,
        @JsonProperty("cost_per_100_requests_usd") Double costPer100RequestsUsd,
        @JsonProperty("expectation_pass_rate") @JsonInclude(JsonInclude.Include.NON_NULL) Double expectationPassRate,
        @JsonProperty("expectations") @JsonInclude(JsonInclude.Include.NON_NULL) ExpectationSummary expectations) {

    /** The same metrics with a behavioural set's checks judged. */
    public MetricsSummary withExpectations(ExpectationSummary summary) {
        return new MetricsSummary(samples, validSamples, judgedSamples, jsonValidRate, vectorMae, mseRaw, mseNorm, r2Score, maeRawByDim,
                constraintMatchRate, slotExactMatch, intentScoreMean, intentScoredSamples, scoringFailedSamples, outputSanityScore, p50LatencyMs,
                p95LatencyMs, costPer100RequestsUsd, summary.passRate(), summary);
    }

    /** The single-number metrics by their report names, for deltas between runs (null where a run has none). */
    public Map<String, Double> headline() {
        Map<String, Double> headline = new LinkedHashMap<>();
        headline.put("samples", (double) samples);
        headline.put("valid_samples", (double) validSamples);
        headline.put("judged_samples", (double) judgedSamples);
        headline.put("json_valid_rate", jsonValidRate);
        headline.put("vector_mae", vectorMae);
        headline.put("mse_raw", mseRaw);
        headline.put("mse_norm", mseNorm);
        headline.put("r2_score", r2Score);
        headline.put("constraint_match_rate", constraintMatchRate);
        headline.put("slot_exact_match", slotExactMatch);
        headline.put("intent_score_mean", intentScoreMean);
        headline.put("intent_scored_samples", (double) intentScoredSamples);
        headline.put("scoring_failed_samples", (double) scoringFailedSamples);
        headline.put("output_sanity_score", outputSanityScore);
        headline.put("p50_latency_ms", p50LatencyMs);
        headline.put("p95_latency_ms", p95LatencyMs);
        headline.put("cost_per_100_requests_usd", costPer100RequestsUsd);
        headline.put("expectation_pass_rate", expectationPassRate);
        return headline;
    }
}
