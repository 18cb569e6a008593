package kotone.cli.stack;

import java.util.List;

/**
 * One of the five services as the stack runs it: its module, its port variable and default port, and those of its
 * management port (health and metrics, never on the public port).
 */
public record ServiceSpec(String name, String module, String portVariable, int defaultPort, boolean usesDatabase) {

    /** The management port is the public one plus this: 9080-9084 by default. */
    private static final int MANAGEMENT_OFFSET = 1000;

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("gateway", "gateway", "KOTONE_GATEWAY_PORT", 8080, true),
            new ServiceSpec("interpreter", "interpreter-service", "KOTONE_INTERPRETER_PORT", 8081, false),
            new ServiceSpec("scoring", "scoring-service", "KOTONE_SCORING_PORT", 8082, false),
            new ServiceSpec("eval", "eval-service", "KOTONE_EVAL_PORT", 8083, true),
            new ServiceSpec("dataset", "dataset-service", "KOTONE_DATASET_PORT", 8084, true));

    /** {@code KOTONE_EVAL_MANAGEMENT_PORT}: where the service answers {@code /q/health} and {@code /q/metrics}. */
    public String managementPortVariable() {
        return "KOTONE_" + name.toUpperCase() + "_MANAGEMENT_PORT";
    }

    public int defaultManagementPort() {
        return defaultPort + MANAGEMENT_OFFSET;
    }

    /** The runnable jar that {@code mvn package} leaves in the module. */
    public String jar() {
        return module + "/target/quarkus-app/quarkus-run.jar";
    }

    /** The variable that tells other services where this one answers: {@code KOTONE_EVAL_URL}. */
    public String urlVariable() {
        return "KOTONE_" + name.toUpperCase() + "_URL";
    }
}
