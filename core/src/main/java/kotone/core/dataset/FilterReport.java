package kotone.core.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the quality filter did: rows in, rows kept, and per rule how many it dropped with a few examples; and, per source
 * type of the rows kept, how much their labels depend on their texts (see {@link ConsistencyAudit}).
 */
public record FilterReport(int considered, int kept, Map<String, Integer> droppedByRule, Map<String, List<String>> examples,
        Map<String, ConsistencyAudit.SourceConsistency> consistency) {

    public FilterReport(int considered, int kept, Map<String, Integer> droppedByRule, Map<String, List<String>> examples) {
        this(considered, kept, droppedByRule, examples, Map.of());
    }

    /** This report with a rule applied before the quality filter's own, which dropped these rows before it saw them. */
    public FilterReport withEarlierRule(String rule, int dropped, List<String> ruleExamples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(rule, dropped);
        counts.putAll(droppedByRule);
        Map<String, List<String>> allExamples = new LinkedHashMap<>();
        allExamples.put(rule, List.copyOf(ruleExamples));
        allExamples.putAll(examples);
        return new FilterReport(considered + dropped, kept, counts, allExamples, consistency);
    }

    public FilterReport withConsistency(Map<String, ConsistencyAudit.SourceConsistency> audit) {
        return new FilterReport(considered, kept, droppedByRule, examples, Map.copyOf(audit));
    }
}
