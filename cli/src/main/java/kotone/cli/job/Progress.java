package kotone.cli.job;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place on a terminal: {@code local_model  [##########----------]  35/70}. When the
 * output is not a terminal (a log, a pipe, CI), a redrawn line would pile up as one endless line, so it prints a line of
 * its own each time the status changes or another quarter is done.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private String lastStatus;
    private long lastQuarter = -1;

    Progress(PrintStream out, String label) {
        this(out, label, System.console() != null);
    }

    Progress(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    void show(long done, long total, String status) {
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
        String bar = String.format("%-16s [%s%s] %6d/%-6d %s", label, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, status);
        if (terminal) {
            out.print("\r" + bar + "   ");
            out.flush();
            return;
        }
        long quarter = total <= 0 ? 0 : done * 4 / total;
        if (!status.equals(lastStatus) || quarter != lastQuarter) {
            out.println(bar);
            lastStatus = status;
            lastQuarter = quarter;
        }
    }

    void finish(String message) {
        out.printf(terminal ? "\r%-16s %s%s%n" : "%-16s %s%s%n", label, message, terminal ? " ".repeat(40) : "");
    }
}
