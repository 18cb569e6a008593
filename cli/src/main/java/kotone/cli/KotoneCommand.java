package kotone.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kotone.cli.stack.Stack;
import kotone.cli.stack.StackSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kotone}: runs the kotone system on this machine. */
@Command(name = "kotone", mixinStandardHelpOptions = true, version = "kotone 0.1.0",
        description = "Runs kotone on this machine: a database and five services behind a gateway.",
        subcommands = {KotoneCommand.Up.class, KotoneCommand.Down.class, KotoneCommand.Status.class})
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
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    static Stack stack() {
        String home = System.getenv("KOTONE_HOME");
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return new Stack(StackSettings.fromEnvironment(root), System.out);
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

    @Command(name = "status", description = "Shows each service: ready, starting, crashed or stopped.")
    static class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            return stack().status() ? 0 : 3;
        }
    }
}
