package kotone.common.problem;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A failure's cause chain, from the failure itself to its root, stopping where an exception is its own cause. */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, cause -> cause.getCause() == cause ? null : cause.getCause());
    }

    /** The first exception in the chain that matches, the failure itself included. */
    public static Optional<Throwable> find(Throwable failure, Predicate<Throwable> matches) {
        return of(failure).filter(matches).findFirst();
    }

    public static boolean any(Throwable failure, Predicate<Throwable> matches) {
        return find(failure, matches).isPresent();
    }

    public static Throwable root(Throwable failure) {
        return of(failure).reduce((earlier, later) -> later).orElse(failure);
    }
}
