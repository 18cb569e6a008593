package kotone.core.behaviour;

import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/** What a reading of one request must satisfy on one dimension: {@code energy <= 35}. */
public record Expectation(Dimension dimension, ExpectationOp op, int value) {

    public Expectation {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("an expectation's value is on 0-100, got " + value);
        }
    }

    public boolean holds(MusicVector reading) {
        return op.holds(reading.get(dimension), value);
    }

    /** "energy <= 35" */
    public String describe() {
        return dimension.key() + " " + op.symbol() + " " + value;
    }
}
