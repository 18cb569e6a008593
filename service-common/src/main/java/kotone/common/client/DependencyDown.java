package kotone.common.client;

/** Thrown where a call met an {@link Outage}; callers that can wait catch it, others let it become a 503 naming the service. */
public class DependencyDown extends RuntimeException {

    private final Outage outage;

    public DependencyDown(Outage outage) {
        super(outage.message());
        this.outage = outage;
    }

    public Outage outage() {
        return outage;
    }
}
