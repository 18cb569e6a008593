package kotone.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void walksFromTheFailureToItsRoot() {
        TimeoutException root = new TimeoutException("no answer");
        CompletionException failure = new CompletionException(new IllegalStateException("wrapped", root));

        assertThat(Causes.of(failure)).hasSize(3).startsWith(failure).endsWith(root);
        assertThat(Causes.root(failure)).isSameAs(root);
        assertThat(Causes.find(failure, TimeoutException.class::isInstance)).containsSame(root);
        assertThat(Causes.any(failure, IOException.class::isInstance)).isFalse();
    }

    @Test
    void aFailureWithoutCauseIsItsOwnRoot() {
        UncheckedIOException failure = new UncheckedIOException(new IOException("disk"));
        IOException cause = failure.getCause();

        assertThat(Causes.root(cause)).isSameAs(cause);
        assertThat(Causes.any(failure, UncheckedIOException.class::isInstance)).isTrue();
    }

    @Test
    void stopsAtAnExceptionThatIsItsOwnCause() {
        SelfCaused failure = new SelfCaused();

        assertThat(Causes.of(failure)).containsExactly(failure);
        assertThat(Causes.root(failure)).isSameAs(failure);
    }

    private static final class SelfCaused extends RuntimeException {
        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
