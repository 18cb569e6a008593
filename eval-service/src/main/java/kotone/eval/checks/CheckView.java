package kotone.eval.checks;

import kotone.core.behaviour.Check;

/** A behavioural check as the API shows it: what was expected of which item, and what was read. */
public record CheckView(int checkNo, int itemNo, String requestText, String kind, String dimension, String language, String category,
        String expected, String read, boolean passed) {

    public static CheckView of(Check check, String requestText) {
        return new CheckView(check.checkNo(), check.itemNo(), requestText, check.kind().key(),
                check.dimension() == null ? null : check.dimension().key(), check.language(), check.category(), check.expected(), check.read(),
                check.passed());
    }
}
