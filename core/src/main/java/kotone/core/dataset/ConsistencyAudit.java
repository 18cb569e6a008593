package kotone.core.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kotone.core.model.train.CrossValidatedR2;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Measures, per source type, how much a dataset's labels depend on its texts: the label distance (mean absolute
 * difference per dimension) between near-duplicate texts against random pairs, and the cross-validated R² of text-only
 * features against a constant. A teacher whose near-duplicate texts disagree as much as random pairs, and whose texts
 * explain none of its labels, taught the prior, not the words: its source type is flagged, and training gives its rows
 * less weight.
 */
public final class ConsistencyAudit {

    /**
     * @param sample rows per source type the audit reads at most (seeded)
     * @param nearDuplicateJaccard character-trigram similarity from which two texts count as near duplicates
     * @param maxDistanceRatio near-duplicate label distance over random-pair distance above which texts do not explain labels
     * @param minR2 cross-validated R² under which texts do not explain labels
     */
    public record Settings(int sample, double nearDuplicateJaccard, double maxDistanceRatio, double minR2, long seed) {
        public static Settings defaults() {
            return new Settings(2000, 0.7, 0.8, 0.1, 17L);
        }
    }

    /**
     * @param nearDuplicatePairs near-duplicate pairs found among the sampled rows
     * @param nearDuplicateDistance their mean label distance, or null with fewer than 10 pairs
     * @param randomPairDistance the mean label distance of random pairs
     * @param distanceRatio near over random, or null with fewer than 10 near-duplicate pairs
     * @param crossValidatedR2 of text-only features against a constant
     * @param consistent false when the texts do not explain the labels (the source type is flagged)
     */
    public record SourceConsistency(int rows, int nearDuplicatePairs, Double nearDuplicateDistance, double randomPairDistance,
            Double distanceRatio, double crossValidatedR2, boolean consistent, String verdict) {
    }

    private final Settings settings;

    public ConsistencyAudit(Settings settings) {
        this.settings = settings;
    }

    public Map<String, SourceConsistency> audit(List<CandidateRow> rows) {
        Map<String, List<CandidateRow>> bySource = new LinkedHashMap<>();
        for (CandidateRow row : rows) {
            bySource.computeIfAbsent(row.sourceType().key(), key -> new ArrayList<>()).add(row);
        }
        Map<String, SourceConsistency> report = new LinkedHashMap<>();
        bySource.forEach((source, sourceRows) -> report.put(source, auditSource(sample(sourceRows))));
        return report;
    }

    private List<CandidateRow> sample(List<CandidateRow> rows) {
        if (rows.size() <= settings.sample()) {
            return rows;
        }
        List<CandidateRow> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new Random(settings.seed()));
        return shuffled.subList(0, settings.sample());
    }

    private SourceConsistency auditSource(List<CandidateRow> rows) {
        int n = rows.size();
        int[][] shingles = new int[n][];
        for (int i = 0; i < n; i++) {
            shingles[i] = shingles(Tokens.normalize(rows.get(i).text()));
        }
        double near = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (jaccard(shingles[i], shingles[j]) >= settings.nearDuplicateJaccard()) {
                    near += distance(rows.get(i).label(), rows.get(j).label());
                    pairs++;
                }
            }
        }
        Random random = new Random(settings.seed());
        double randomDistance = 0;
        int randomPairs = Math.min(2000, n * (n - 1) / 2);
        for (int k = 0; k < randomPairs; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            j = j >= i ? j + 1 : j;
            randomDistance += distance(rows.get(i).label(), rows.get(j).label());
        }
        randomDistance = randomPairs == 0 ? 0 : randomDistance / randomPairs;
        Double nearDistance = pairs >= 10 ? near / pairs : null;
        Double ratio = nearDistance == null || randomDistance == 0 ? null : nearDistance / randomDistance;
        double r2 = new CrossValidatedR2().of(rows.stream().map(CandidateRow::text).toList(), rows.stream().map(CandidateRow::label).toList(),
                rows.stream().map(row -> Long.toString(row.pairId())).toList());
        boolean unexplained = r2 < settings.minR2() && (ratio == null || ratio >= settings.maxDistanceRatio());
        String verdict = unexplained
                ? String.format(java.util.Locale.ROOT, "the texts do not explain the labels: R² %.2f (under %.2f)%s", r2, settings.minR2(),
                        ratio == null ? "" : String.format(java.util.Locale.ROOT, ", near duplicates %.2f as far apart as random pairs", ratio))
                : String.format(java.util.Locale.ROOT, "the texts explain the labels: R² %.2f%s", r2,
                        ratio == null ? "" : String.format(java.util.Locale.ROOT, ", near duplicates %.2f as far apart as random pairs", ratio));
        return new SourceConsistency(n, pairs, nearDistance, randomDistance, ratio, r2, !unexplained, verdict);
    }

    /** The mean absolute difference per dimension. */
    private static double distance(MusicVector a, MusicVector b) {
        double sum = 0;
        for (Dimension dimension : Dimension.ALL) {
            sum += Math.abs(a.get(dimension) - b.get(dimension));
        }
        return sum / Dimension.COUNT;
    }

    private static int[] shingles(String text) {
        int[] hashes = new int[Math.max(1, text.length() - 2)];
        if (text.length() < 3) {
            hashes[0] = text.hashCode();
        }
        for (int i = 0; i + 3 <= text.length(); i++) {
            hashes[i] = text.substring(i, i + 3).hashCode();
        }
        return Arrays.stream(hashes).distinct().sorted().toArray();
    }

    private static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / (double) (a.length + b.length - common);
    }
}
