package kotone.eval.cards;

import java.time.Instant;
import java.util.List;

/**
 * A model version on every guard, in each mode a player gets without an LLM, as the model card shows it.
 *
 * @param status {@code running}, {@code completed} or {@code failed}
 * @param error why a failed report could not be made
 */
public record GuardReport(String status, List<GuardRow> guards, String error, Instant at) {

    static GuardReport running() {
        return new GuardReport("running", List.of(), null, Instant.now());
    }

    static GuardReport completed(List<GuardRow> guards) {
        return new GuardReport("completed", guards, null, Instant.now());
    }

    static GuardReport failed(String error) {
        return new GuardReport("failed", List.of(), error, Instant.now());
    }
}
