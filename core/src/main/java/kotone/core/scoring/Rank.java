package kotone.core.scoring;

/** The letter a total earns: S >= 90, A >= 75, B >= 60, C >= 40, else D. */
public enum Rank {
    S(90),
    A(75),
    B(60),
    C(40),
    D(0);

    private final int minimum;

    Rank(int minimum) {
        this.minimum = minimum;
    }

    public static Rank of(int total) {
        for (Rank rank : values()) {
            if (total >= rank.minimum) {
                return rank;
            }
        }
        return D;
    }

    public boolean atLeast(Rank other) {
        return ordinal() <= other.ordinal();
    }
}
