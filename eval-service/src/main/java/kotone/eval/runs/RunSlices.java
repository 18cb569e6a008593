package kotone.eval.runs;

import java.util.Map;
import kotone.core.metrics.MetricsSummary;

/** A run's metrics per source type (request_text, rule_prompt) and per language. */
public record RunSlices(Map<String, MetricsSummary> bySourceType, Map<String, MetricsSummary> byLanguage) {
}
