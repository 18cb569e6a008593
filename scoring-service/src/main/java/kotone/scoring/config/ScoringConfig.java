package kotone.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kotone.scoring")
public interface ScoringConfig {

    /** The rules a request that names none is scored by: "original" (the original game) or "kotone" (ours). */
    @WithDefault("original")
    String ruleset();
}
