package kotone.core.behaviour;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import kotone.core.vector.Dimension;

/**
 * A run's behavioural results: the share of checks passed overall ({@code expectation_pass_rate}), per kind, per
 * dimension (levels and directions; an invariance checks every dimension and is counted under "all"), per language
 * and per category.
 */
public record ExpectationSummary(int checks, int passed, Double passRate, Map<String, Rate> byKind, Map<String, Rate> byDimension,
        Map<String, Rate> byLanguage, Map<String, Rate> byCategory) {

    public record Rate(int checks, int passed, double passRate) {
    }

    public static ExpectationSummary of(List<Check> checks) {
        int passed = (int) checks.stream().filter(Check::passed).count();
        return new ExpectationSummary(checks.size(), passed, checks.isEmpty() ? null : passed / (double) checks.size(),
                rates(checks, check -> check.kind().key()),
                rates(checks, check -> check.dimension() == null ? "all" : check.dimension().key()),
                rates(checks, check -> check.language() == null ? "unknown" : check.language()),
                rates(checks, check -> check.category() == null ? "none" : check.category()));
    }

    private static Map<String, Rate> rates(List<Check> checks, Function<Check, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Check check : checks) {
            int[] count = counts.computeIfAbsent(key.apply(check), k -> new int[2]);
            count[0]++;
            if (check.passed()) {
                count[1]++;
            }
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        if (counts.keySet().stream().allMatch(k -> Dimension.fromKey(k).isPresent() || "all".equals(k))) {
            // dimensions in their usual order rather than alphabetical
            for (Dimension dimension : Dimension.ALL) {
                put(rates, dimension.key(), counts.get(dimension.key()));
            }
            put(rates, "all", counts.get("all"));
            return rates;
        }
        counts.forEach((k, count) -> put(rates, k, count));
        return rates;
    }

    private static void put(Map<String, Rate> rates, String key, int[] count) {
        if (count != null) {
            rates.put(key, new Rate(count[0], count[1], count[1] / (double) count[0]));
        }
    }
}
