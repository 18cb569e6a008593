package kotone.dataset.traffic;

import java.time.Instant;
import java.util.Map;

/**
 * What live traffic is stored: how much, since when, in which languages and input types, served by which sources, asked in
 * which modes, and how much of it people labelled.
 */
public record TrafficSummary(long requests, Instant first, Instant last, Map<String, Long> byLanguage, Map<String, Long> byInputType,
        Map<String, Long> bySource, Map<String, Long> byMode, long labelled, long labels, int retentionDays) {
}
