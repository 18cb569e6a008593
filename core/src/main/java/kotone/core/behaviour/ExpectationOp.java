package kotone.core.behaviour;

import java.util.Optional;

/** How an expectation compares a reading with its value. */
public enum ExpectationOp {
    AT_MOST("<="),
    AT_LEAST(">=");

    private final String symbol;

    ExpectationOp(String symbol) {
        this.symbol = symbol;
    }

    /** As written in eval sets and answers: "<=" or ">=". */
    public String symbol() {
        return symbol;
    }

    public boolean holds(int read, int value) {
        return this == AT_MOST ? read <= value : read >= value;
    }

    public static Optional<ExpectationOp> fromSymbol(String symbol) {
        for (ExpectationOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
