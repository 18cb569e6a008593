package kotone.core.behaviour;

/**
 * The three kinds of behavioural check: a level (one reading against a threshold), invariance (a courtesy phrase or a
 * neutral clause moves no dimension by more than a set amount) and direction (a stronger wording moves the named
 * dimension further from neutral than the plain one).
 */
public enum CheckKind {
    LEVEL("level"),
    INVARIANCE("invariance"),
    DIRECTION("direction");

    private final String key;

    CheckKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
