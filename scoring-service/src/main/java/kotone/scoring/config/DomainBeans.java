package kotone.scoring.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kotone.core.catalog.Catalog;
import kotone.core.scoring.Coach;
import kotone.core.scoring.CoachText;
import kotone.core.scoring.ScoreCalculator;
import kotone.core.scoring.SlotIntegrity;

/** The scoring objects of core, made once: they are immutable and thread-safe (the catalog comes from service-common). */
public class DomainBeans {

    @Produces
    @Singleton
    ScoreCalculator scoreCalculator(Catalog catalog) {
        return ScoreCalculator.standard(catalog);
    }

    @Produces
    @Singleton
    Coach coach(ScoreCalculator calculator) {
        return new Coach(calculator);
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
