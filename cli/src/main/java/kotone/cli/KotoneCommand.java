package kotone.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kotone.cli.job.Bootstrap;
import kotone.cli.job.CycleJob;
import kotone.cli.job.EvalJob;
import kotone.cli.job.GatewayApi;
import kotone.cli.job.JobFailed;
import kotone.cli.job.TrafficReplay;
import kotone.cli.job.TrafficReport;
import java.util.concurrent.Callable;
import kotone.cli.stack.Stack;
import kotone.cli.stack.StackSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kotone}: runs the kotone system on this machine. */
@Command(name = "kotone", mixinStandardHelpOptions = true, version = "kotone 0.1.0",
        description = "Runs kotone on this machine: a database and five services behind a gateway.",
        subcommands = {KotoneCommand.Up.class, KotoneCommand.Down.class, KotoneCommand.Status.class, KotoneCommand.BootstrapCommand.class,
                KotoneCommand.EvalCommand.class, KotoneCommand.CycleCommand.class, KotoneCommand.TrafficCommand.class,
                KotoneCommand.Demo.class})
public class KotoneCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new KotoneCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println("kotone: " + exception.getMessage());
            return exception instanceof JobFailed ? 2 : 1;
        });
        System.exit(commandLine.execute(args));
    }

    static StackSettings settings() {
        String home = System.getenv("KOTONE_HOME");
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return StackSettings.fromEnvironment(root);
    }

    static Stack stack() {
        return new Stack(settings(), System.out);
    }

    static GatewayApi api() {
        return GatewayApi.fromEnvFile(settings().envFile());
    }

    static Path bootstrapState() {
        return settings().stateDir().resolve("bootstrap.json");
    }

    /** The eval set bootstrap registered, unless one is named. */
    static String evalSet(String given) {
        if (given != null) {
            return given;
        }
        Path state = bootstrapState();
        if (!Files.exists(state)) {
            throw new JobFailed("no eval set: run ./kotone bootstrap first, or name one with --eval-set");
        }
        try {
            return new ObjectMapper().readTree(state.toFile()).path("evalSetId").asText();
        } catch (IOException e) {
            throw new JobFailed(state + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Relative paths are the caller's, not KOTONE_HOME's. */
    static Path file(String path) {
        if (path == null) {
            return null;
        }
        Path given = Path.of(path);
        String callerDir = System.getenv("KOTONE_CALLER_DIR");
        return given.isAbsolute() || callerDir == null ? given : Path.of(callerDir).resolve(given);
    }

    @Command(name = "up", description = "Starts the database and the five services, waits until all are ready.")
    static class Up implements Callable<Integer> {
        @Override
        public Integer call() {
            stack().up();
            return 0;
        }
    }

    @Command(name = "down", description = "Stops what up started; the data in .kotone/ stays.")
    static class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            stack().down();
            return 0;
        }
    }

    @Command(name = "bootstrap", description = "Imports teacher pairs (default: generated from the catalog), filters, splits and trains the "
            + "local model, registers the target eval set (default: generated from the catalog) and the guards (the behavioural suite, the "
            + "held-out test split, the given eval set); promotes the first model, or a later one through a gate check.")
    static class BootstrapCommand implements Callable<Integer> {
        @Option(names = "--teacher-pairs", paramLabel = "FILE", description = "JSON lines in the teacher_pairs.v1 format")
        String teacherPairs;

        @Option(names = "--eval-set", paramLabel = "FILE", description = "an eval set in the frozen_eval_set.v1 format")
        String evalSet;

        @Option(names = "--pairs", defaultValue = "" + Bootstrap.DEFAULT_PAIRS, description = "pairs generated from the catalog when no file is given (default ${DEFAULT-VALUE})")
        int pairs;

        @Option(names = "--eval-items", defaultValue = "" + Bootstrap.DEFAULT_EVAL_ITEMS, description = "eval items generated from the catalog when no file is given (default ${DEFAULT-VALUE})")
        int evalItems;

        @Override
        public Integer call() {
            new Bootstrap(api(), System.out, bootstrapState()).run(file(teacherPairs), file(evalSet), pairs, evalItems);
            return 0;
        }
    }

    @Command(name = "eval", description = "Runs an eval per mode on the target and every guard, and prints one table per set with the "
            + "change against rule_baseline and its 95% interval.")
    static class EvalCommand implements Callable<Integer> {
        @Option(names = "--modes", split = ",", description = "modes to run (default: every mode the interpreter can serve, asked of "
                + "GET /api/v1/interpret/modes): rule_baseline, local_model, prompt_baseline, fine_tuned, auto")
        List<String> modes;

        @Option(names = "--eval-set", paramLabel = "ID", description = "the eval set id (default: the one bootstrap registered)")
        String evalSet;

        @Override
        public Integer call() {
            new EvalJob(api(), System.out).run(evalSet(evalSet), modes);
            return 0;
        }
    }

    @Command(name = "cycle", description = "Runs improvement cycles and prints each step and the promotion gate's decision: the target and "
            + "every guard, with intervals.")
    static class CycleCommand implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "1", description = "cycles to run one after the other (default ${DEFAULT-VALUE})")
        int count;

        @Option(names = "--eval-set", paramLabel = "ID", description = "the eval set id (default: the one bootstrap registered)")
        String evalSet;

        @Option(names = "--augment", paramLabel = "N", description = "new pairs per cycle aimed at the focus dimensions (default: the eval service's)")
        Integer augment;

        @Override
        public Integer call() {
            new CycleJob(api(), System.out).run(evalSet(evalSet), count, augment);
            return 0;
        }
    }

    @Command(name = "traffic", description = "Prints the live traffic the interpreter captured: volume, languages, input types, sources "
            + "and modes, labels, and its drift from the training data.")
    static class TrafficCommand implements Callable<Integer> {
        @Option(names = "--queue", defaultValue = "0", paramLabel = "N", description = "also the first N items of the annotation queue")
        int queue;

        @Override
        public Integer call() {
            new TrafficReport(api(), System.out).run(queue);
            return 0;
        }
    }

    @Command(name = "demo", description = "up + bootstrap + eval of every mode the interpreter serves, on the target and every guard: the main job.")
    static class Demo implements Callable<Integer> {
        @Option(names = "--traffic", defaultValue = "0", paramLabel = "N", description = "then replay N generated player requests through "
                + "the gateway and show what was captured, the drift and the annotation queue")
        int traffic;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            stack().up();
            Map<String, Object> state = new Bootstrap(api(), System.out, bootstrapState()).run(null, null, Bootstrap.DEFAULT_PAIRS, Bootstrap.DEFAULT_EVAL_ITEMS);
            new EvalJob(api(), System.out).run((String) state.get("evalSetId"), null);
            if (traffic > 0) {
                long stored = api().get("/traffic/summary").path("requests").asLong();
                new TrafficReplay(api(), System.out).run(traffic);
                // the interpreter sends what it captured in batches every second: wait for it to be stored
                awaitStored(stored + traffic);
                new TrafficReport(api(), System.out).run(5);
            }
            System.out.printf("%ndemo finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    /** Waits up to 15 s until this many live requests are stored (the interpreter sends what it captured every second). */
    static void awaitStored(long requests) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && api().get("/traffic/summary").path("requests").asLong() < requests) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Command(name = "status", description = "Shows each service: ready, starting, crashed or stopped.")
    static class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            return stack().status() ? 0 : 3;
        }
    }
}
