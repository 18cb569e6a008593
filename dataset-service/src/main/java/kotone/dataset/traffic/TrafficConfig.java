package kotone.dataset.traffic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How long live traffic is kept, and what counts as drift. */
@ConfigMapping(prefix = "kotone.traffic")
public interface TrafficConfig {

    /** Live requests older than this many days are deleted (their labels too; the pairs made from them stay). */
    @WithDefault("30")
    int retentionDays();

    /** How often requests past the retention are deleted. */
    @WithDefault("1h")
    Duration purgeEvery();

    Drift drift();

    Shadow shadow();

    /** How the live evidence of a shadowed candidate is read. */
    interface Shadow {

        /** The newest shadowed requests the evidence is made of. */
        @WithDefault("5000")
        int evidenceRequests();

        /** The rules fire clearly on a dimension when their reading is at least this far from 50. */
        @WithDefault("25")
        int clearDistance();

        /** A reading meets such an expectation when it is at least this far from 50 on the rules' side. */
        @WithDefault("10")
        int expectedDistance();
    }

    interface Drift {

        /** The days of live traffic a check compares with the training data. */
        @WithDefault("7")
        int windowDays();

        /** Past this total variation distance between the language mixes, traffic has drifted. */
        @WithDefault("0.2")
        double languageShift();

        /** Past this share of live word units the training data never had, traffic has drifted. */
        @WithDefault("0.35")
        double unseenWordShare();

        /** Past this absolute Cohen's d of any served dimension against the training labels, traffic has drifted. */
        @WithDefault("0.5")
        double effectSize();

        /** Fewer live requests than this in the window decide nothing: the check is recorded but raises no alert. */
        @WithDefault("200")
        int minimumRequests();

        /** How often a check is made and stored (daily by default). */
        @WithDefault("24h")
        Duration checkEvery();

        /** The first stored check after a start. */
        @WithDefault("10m")
        Duration firstCheckAfter();

        /** An eval set: a drifted stored check then starts a cycle on it. None by default. */
        Optional<String> cycleEvalSet();
    }
}
