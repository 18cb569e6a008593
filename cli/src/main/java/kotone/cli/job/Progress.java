package kotone.cli.job;

import java.io.PrintStream;

/** A one-line progress bar redrawn in place: {@code local_model  [##########----------]  35/70}. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;

    Progress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    void show(long done, long total, String status) {
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
        out.printf("\r%-16s [%s%s] %6d/%-6d %s   ", label, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, status);
        out.flush();
    }

    void finish(String message) {
        out.printf("\r%-16s %s%s%n", label, message, " ".repeat(40));
    }
}
