package kotone.dataset.versions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kotone.core.dataset.FilterReport;
import kotone.core.dataset.FilterSettings;

/**
 * An immutable dataset version: its id is a hash of its rows and their splits.
 *
 * @param filterReport what the quality filter dropped and why, and each source type's consistency audit
 * @param stats per split ("train", "valid", "test")
 */
public record DatasetVersion(String id, long seed, Shares shares, FilterSettings filterSettings, FilterReport filterReport,
        Map<String, SplitStats> stats, int pairCount, int rowCount, List<String> sources, Instant createdAt) {

    /** The share of pairs in each split. */
    public record Shares(double train, double valid, double test) {
    }

    /**
     * @param pairs the teacher pairs whose rows the split holds
     * @param labels per dimension, the mean and spread (standard deviation) of the labels
     */
    public record SplitStats(int rows, long pairs, Map<String, Long> bySourceType, Map<String, Long> byLanguage, Map<String, LabelStats> labels) {
    }

    public record LabelStats(double mean, double std) {
    }
}
