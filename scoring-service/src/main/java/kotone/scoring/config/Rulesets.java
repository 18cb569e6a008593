package kotone.scoring.config;

import java.util.EnumMap;
import java.util.Map;
import kotone.core.catalog.Catalog;
import kotone.core.scoring.Coach;
import kotone.core.scoring.ScoreCalculator;
import kotone.core.scoring.ScoringRuleset;

/** A calculator and a coach per ruleset, made once, and which ruleset a request that names none gets. */
public final class Rulesets {

    /** The calculator and the coach of one ruleset. */
    public record Scoring(ScoreCalculator calculator, Coach coach) {
    }

    private final Map<ScoringRuleset, Scoring> byRuleset = new EnumMap<>(ScoringRuleset.class);
    private final ScoringRuleset byDefault;

    public Rulesets(Catalog catalog, ScoringRuleset byDefault) {
        this.byDefault = byDefault;
        for (ScoringRuleset ruleset : ScoringRuleset.values()) {
            ScoreCalculator calculator = new ScoreCalculator(catalog, ruleset);
            byRuleset.put(ruleset, new Scoring(calculator, new Coach(calculator)));
        }
    }

    /** @param key a ruleset's name, or null for the configured default */
    public Scoring get(String key) {
        return byRuleset.get(key == null ? byDefault : ScoringRuleset.fromKey(key).orElseThrow());
    }
}
