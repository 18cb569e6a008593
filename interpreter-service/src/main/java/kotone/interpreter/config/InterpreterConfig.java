package kotone.interpreter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "kotone.interpreter")
public interface InterpreterConfig {

    /** The one total deadline of a request in auto mode: the ladder answers within it, whatever the LLM does. */
    @WithDefault("2000")
    long deadlineMs();

    /** Kept back from the deadline for the rungs below the LLM and for writing the answer. */
    @WithDefault("60")
    long reserveMs();

    /** How often the promoted model version is checked; a promotion is served within this. */
    @WithDefault("2000")
    long modelPollMs();

    /** Price per request in USD by model source; a source without a price reports its cost as unknown. */
    Map<String, Double> pricesUsd();

    Llm llm();

    interface Llm {
        /** Retries of one provider after a 429 or 5xx, within the deadline. */
        @WithDefault("2")
        int retries();

        @WithDefault("100")
        long backoffMs();

        /** Consecutive failures that open a provider's circuit. */
        @WithDefault("3")
        int breakerFailures();

        /** How long an open circuit stays open before one trial call. */
        @WithDefault("10000")
        long breakerOpenMs();

        /** Calls in flight per provider; more are turned away at once. */
        @WithDefault("16")
        int bulkhead();

        /**
         * The end of the deadline the LLM never gets: what answering from the rules after it gave up takes, scheduling
         * on busy cores included, so that the player's answer still arrives within the deadline.
         */
        @WithDefault("60")
        long answerReserveMs();
    }
}
