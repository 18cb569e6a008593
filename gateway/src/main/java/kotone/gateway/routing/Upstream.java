package kotone.gateway.routing;

/** The services behind the gateway. */
public enum Upstream {
    INTERPRETER("interpreter", "interpreter-service"),
    SCORING("scoring", "scoring-service"),
    EVAL("eval", "eval-service"),
    DATASET("dataset", "dataset-service");

    private final String key;
    private final String serviceName;

    Upstream(String key, String serviceName) {
        this.key = key;
        this.serviceName = serviceName;
    }

    /** The name in configuration: {@code kotone.gateway.upstreams.<key>.url}. */
    public String key() {
        return key;
    }

    /** The name a caller reads in an error. */
    public String serviceName() {
        return serviceName;
    }
}
