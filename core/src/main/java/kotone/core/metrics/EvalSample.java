package kotone.core.metrics;

import kotone.core.vector.MusicVector;

/**
 * One eval sample as the metrics see it.
 *
 * @param predicted null when the interpreter gave no valid vector (its answer was invalid JSON, or the call failed)
 * @param target null for a behavioural item judged by its expectations alone
 * @param judgement null when predicted is null or the item has no target
 * @param intentScore the scoring service's total for the interpreter's top recommendation against the target's
 *        profile, or null when there was none
 * @param costUsd the price of the request from the price table, or null when the table has no price
 * @param scoringFailed the scoring service refused to score the top recommendation (the intent score is missing for a
 *        reason, and counted)
 */
public record EvalSample(MusicVector target, MusicVector predicted, SampleJudgement judgement, Integer intentScore, double latencyMs,
        Double costUsd, boolean scoringFailed) {

    public boolean valid() {
        return predicted != null;
    }
}
