package kotone.eval.sets;

import java.time.Instant;

/**
 * An immutable eval set.
 *
 * @param sourceScale the scale its targets came in (10 or 100); they are stored on 100
 * @param origin "import" or "dataset:<id>/<split>"
 */
public record EvalSet(String id, String name, String declaredVersion, int sourceScale, int count, String origin, Instant createdAt) {
}
