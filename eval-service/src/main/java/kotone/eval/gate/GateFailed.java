package kotone.eval.gate;

/** The gate could not judge: a run it needed failed, timed out or had failed calls. Its message says which and why. */
public final class GateFailed extends RuntimeException {

    public GateFailed(String message) {
        super(message);
    }
}
