package kotone.dataset.versions;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotone.common.problem.ProblemException;
import kotone.core.dataset.CandidateRow;
import kotone.core.dataset.ConsistencyAudit;
import kotone.core.dataset.FilterSettings;
import kotone.core.dataset.GroupedSplitter;
import kotone.core.dataset.QualityFilter;
import kotone.core.model.train.Split;
import kotone.core.model.train.TrainingRow;
import kotone.core.text.TextLanguage;
import kotone.core.text.Sha256;
import kotone.core.text.TextKey;
import kotone.dataset.reservations.ReservedTexts;

/**
 * Builds a dataset version: the stored pairs, less every pair with a text that a registered eval set reserves (rule
 * {@code reserved_for_eval} in the filter report), through the quality filter and the consistency audit (per source type,
 * whether the texts explain the labels: {@code filterReport.consistency}), then a seeded split grouped by pair.
 * The version's id is a hash of its rows (pair, text, label, split), so building the same thing twice gives the same
 * version.
 */
@ApplicationScoped
public class DatasetBuilder {

    static final String RESERVED_FOR_EVAL = "reserved_for_eval";

    private final DatasetRepository repository;
    private final ReservedTexts reserved;

    public DatasetBuilder(DatasetRepository repository, ReservedTexts reserved) {
        this.repository = repository;
        this.reserved = reserved;
    }

    public record Built(DatasetVersion version, boolean created) {
    }

    public Built build(CreateDatasetRequest request) {
        FilterSettings settings = filterSettings(request.filter());
        double trainShare = request.trainShare() == null ? 0.7 : request.trainShare();
        double validShare = request.validShare() == null ? 0.15 : request.validShare();
        if (trainShare + validShare >= 0.96) {
            throw ProblemException.badRequest("validShare", "trainShare + validShare must leave at least 5% for test");
        }
        long seed = request.seed() == null ? 42 : request.seed();
        List<String> sources = request.sources() == null ? List.of() : List.copyOf(request.sources());

        List<DatasetRepository.PairTexts> pairs = repository.pairs(sources);
        Map<String, Set<String>> reservedKeys = reserved.all();
        List<CandidateRow> candidates = new ArrayList<>();
        Map<Long, String> hashes = new HashMap<>();
        List<String> reservedExamples = new ArrayList<>();
        int reservedRows = 0;
        for (DatasetRepository.PairTexts pair : pairs) {
            if (reservedForEval(pair, reservedKeys)) {
                // a pair with any text in an eval set is left out whole: its other text would carry the same label into training
                reservedRows += pair.rows().size();
                if (reservedExamples.size() < 3) {
                    reservedExamples.add(abbreviate(pair.rows().get(0).text()));
                }
                continue;
            }
            candidates.addAll(pair.rows());
            hashes.put(pair.pairId(), pair.contentHash());
        }
        QualityFilter.Outcome quality = new QualityFilter(settings).apply(candidates);
        QualityFilter.Outcome filtered = new QualityFilter.Outcome(quality.kept(),
                quality.report().withEarlierRule(RESERVED_FOR_EVAL, reservedRows, reservedExamples)
                        .withConsistency(new ConsistencyAudit(ConsistencyAudit.Settings.defaults()).audit(quality.kept())));
        if (filtered.kept().isEmpty()) {
            throw ProblemException.conflict("no stored pair passes the filter" + (sources.isEmpty() ? "" : " among sources " + sources)
                    + ": import or generate teacher pairs first (POST /datasets/teacher-pairs)");
        }
        Map<String, Split> splits = new GroupedSplitter(trainShare, validShare)
                .assign(filtered.kept().stream().map(row -> hashes.get(row.pairId())).toList(), seed);
        List<TrainingRow> rows = new ArrayList<>();
        List<Long> pairIds = new ArrayList<>();
        MessageDigest digest = Sha256.digest();
        for (CandidateRow row : filtered.kept()) {
            String hash = hashes.get(row.pairId());
            Split split = splits.get(hash);
            rows.add(new TrainingRow(row.text(), row.label(), "pair-" + row.pairId(), row.sourceType().key(),
                    TextLanguage.of(row.text()).code(), split));
            pairIds.add(row.pairId());
            digest.update((hash + '|' + row.sourceType().key() + '|' + split.key() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        String id = "ds-" + Sha256.hex(digest).substring(0, 16);
        DatasetVersion.Shares shares = new DatasetVersion.Shares(trainShare, validShare,
                Math.round((1 - trainShare - validShare) * 1000) / 1000.0);
        int pairCount = (int) rows.stream().map(TrainingRow::groupKey).distinct().count();
        DatasetVersion version = new DatasetVersion(id, seed, shares, settings, filtered.report(), DatasetStats.of(rows), pairCount, rows.size(),
                sources, null);
        if (repository.exists(id)) {
            return new Built(repository.summary(id).orElseThrow(), false);
        }
        boolean created = repository.insert(version, rows, pairIds);
        return new Built(repository.summary(id).orElseThrow(), created);
    }

    /**
     * Whether a pair has a text that a registered eval set reserves. A hard case a cycle replayed from its target set is
     * the one exception for that set: the gate sets those items aside when it judges the set.
     */
    private static boolean reservedForEval(DatasetRepository.PairTexts pair, Map<String, Set<String>> reservedKeys) {
        for (CandidateRow row : pair.rows()) {
            Set<String> sets = reservedKeys.get(TextKey.of(row.text()));
            if (sets != null && !(sets.size() == 1 && sets.contains(pair.replayedFromSet()))) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    private static FilterSettings filterSettings(CreateDatasetRequest.Filter filter) {
        FilterSettings defaults = FilterSettings.defaults();
        if (filter == null) {
            return defaults;
        }
        return new FilterSettings(
                filter.minChars() == null ? defaults.minChars() : filter.minChars(),
                filter.maxChars() == null ? defaults.maxChars() : filter.maxChars(),
                filter.languages() == null ? defaults.languages() : filter.languages(),
                filter.nearDuplicateJaccard() == null ? defaults.nearDuplicateJaccard() : filter.nearDuplicateJaccard(),
                filter.nearDuplicateLabelDistance() == null ? defaults.nearDuplicateLabelDistance() : filter.nearDuplicateLabelDistance());
    }

}
