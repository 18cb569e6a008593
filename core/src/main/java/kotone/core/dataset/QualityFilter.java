package kotone.core.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotone.core.text.TextLanguage;
import kotone.core.text.Tokens;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/**
 * Decides which texts enter a dataset, in rule order: missing label, length, language, numeric leak (the text
 * gives the numbers away), exact duplicate, near duplicate. Duplicates are judged on text and label together:
 * one text with two different labels is two independent teacher opinions, which a regression should average,
 * not drop.
 */
public final class QualityFilter {

    public static final List<String> RULES = List.of("missing_label", "length", "language", "numeric_leak", "exact_duplicate",
            "near_duplicate");

    private static final Pattern DIMENSION_NUMBER = Pattern.compile(
            "(energy|warmth|brightness|acousticness|complexity|nostalgia|エネルギー|温かさ|明るさ|懐かしさ)\\s*[:=は]?\\s*\\d{1,3}");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{1,3})(?![\\w%])");
    private static final int EXAMPLES = 3;

    private final FilterSettings settings;

    public QualityFilter(FilterSettings settings) {
        this.settings = settings;
    }

    public record Outcome(List<CandidateRow> kept, FilterReport report) {
    }

    public Outcome apply(List<CandidateRow> rows) {
        Map<String, Integer> dropped = new LinkedHashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        RULES.forEach(rule -> {
            dropped.put(rule, 0);
            examples.put(rule, new ArrayList<>());
        });
        List<CandidateRow> kept = new ArrayList<>();
        Set<String> exact = new HashSet<>();
        Map<String, List<Set<String>>> shinglesByLabel = new HashMap<>();
        for (CandidateRow row : rows) {
            String rule = firstFailingRule(row, exact, shinglesByLabel);
            if (rule == null) {
                kept.add(row);
            } else {
                dropped.merge(rule, 1, Integer::sum);
                if (examples.get(rule).size() < EXAMPLES) {
                    examples.get(rule).add(abbreviate(row.text()));
                }
            }
        }
        return new Outcome(kept, new FilterReport(rows.size(), kept.size(), dropped, examples));
    }

    private String firstFailingRule(CandidateRow row, Set<String> exact, Map<String, List<Set<String>>> shinglesByLabel) {
        if (row.label() == null) {
            return "missing_label";
        }
        String text = row.text() == null ? "" : row.text().strip();
        if (text.length() < settings.minChars() || text.length() > settings.maxChars()) {
            return "length";
        }
        if (!settings.languages().contains(TextLanguage.of(text).code())) {
            return "language";
        }
        if (leaksNumbers(text, row.label())) {
            return "numeric_leak";
        }
        String normalized = Tokens.normalize(text).replaceAll("\\s+", " ");
        if (!exact.add(row.sourceType() + "|" + normalized + "|" + row.label())) {
            return "exact_duplicate";
        }
        Set<String> shingles = shingles(normalized);
        String bucket = row.sourceType() + "|" + labelBucket(row.label());
        List<Set<String>> neighbours = shinglesByLabel.computeIfAbsent(bucket, key -> new ArrayList<>());
        for (Set<String> other : neighbours) {
            if (jaccard(shingles, other) >= settings.nearDuplicateJaccard()) {
                return "near_duplicate";
            }
        }
        neighbours.add(shingles);
        return null;
    }

    /** Close labels usually share a bucket; near duplicates across a bucket edge are kept, which errs toward keeping data. */
    private String labelBucket(MusicVector label) {
        int width = Math.max(1, settings.nearDuplicateLabelDistance() * 2 + 1);
        StringBuilder key = new StringBuilder();
        for (int value : label.toArray()) {
            key.append(Math.round(value / (double) width)).append(',');
        }
        return key.toString();
    }

    static boolean leaksNumbers(String text, MusicVector label) {
        String normalized = Tokens.normalize(text);
        if (DIMENSION_NUMBER.matcher(normalized).find()) {
            return true;
        }
        Set<Integer> values = new HashSet<>();
        for (Dimension dimension : Dimension.ALL) {
            values.add(label.get(dimension));
        }
        Matcher number = NUMBER.matcher(normalized);
        int matches = 0;
        while (number.find()) {
            if (values.contains(Integer.parseInt(number.group(1)))) {
                matches++;
            }
        }
        return matches >= 2;
    }

    private static Set<String> shingles(String text) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 3 <= text.length(); i++) {
            shingles.add(text.substring(i, i + 3));
        }
        if (shingles.isEmpty()) {
            shingles.add(text);
        }
        return shingles;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int common = 0;
        for (String shingle : smaller) {
            if (larger.contains(shingle)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
