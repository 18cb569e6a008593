package kotone.eval.cycles;

/**
 * How many cycles were started and completed (promoted or rejected): the loop completion rate of the original report.
 *
 * @param loopCompletionRate completed over started, or null before any cycle
 */
public record LoopCompletion(long started, long completed, long promoted,
        @com.fasterxml.jackson.annotation.JsonProperty("loop_completion_rate") Double loopCompletionRate) {
}
