package kotone.cli.job;

/** A job step that cannot go on; its message is printed as one line. */
public final class JobFailed extends RuntimeException {

    public JobFailed(String message) {
        super(message);
    }
}
