package kotone.scoring.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kotone.core.catalog.Catalog;
import kotone.core.scoring.CoachText;
import kotone.core.scoring.ScoringRuleset;
import kotone.core.scoring.SlotIntegrity;

/** The scoring objects of core, made once: they are immutable and thread-safe (the catalog comes from service-common). */
public class DomainBeans {

    @Produces
    @Singleton
    Rulesets rulesets(Catalog catalog, ScoringConfig config) {
        return new Rulesets(catalog, ScoringRuleset.fromKey(config.ruleset()).orElseThrow(() -> new IllegalStateException(
                "kotone.scoring.ruleset must be original or kotone, not " + config.ruleset())));
    }

    @Produces
    @Singleton
    CoachText coachText(Catalog catalog) {
        return new CoachText(catalog);
    }

    @Produces
    @Singleton
    SlotIntegrity slotIntegrity(Catalog catalog) {
        return new SlotIntegrity(catalog);
    }
}
