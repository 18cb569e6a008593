package kotone.core.behaviour;

import kotone.core.vector.Dimension;

/**
 * One behavioural check of a run, with what was expected and what was read, in words.
 *
 * @param checkNo the check's number within the eval set: the same check has the same number in every run on it, so
 *        two runs can be compared check by check
 * @param dimension the dimension checked; null for an invariance, which checks all six
 */
public record Check(int checkNo, int itemNo, CheckKind kind, Dimension dimension, String language, String category, String expected,
        String read, boolean passed) {
}
