package kotone.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withoutATerminalEachStepIsALineOfItsOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "auto", false);
        for (int done = 0; done <= 100; done++) {
            progress.show(done, 100, done < 100 ? "running" : "completed");
        }
        progress.finish("completed: 100 samples");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        // a line at the start, at each quarter, at the change of status and at the end
        assertThat(text.lines()).hasSize(6).last().asString().startsWith("auto             completed: 100 samples");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "auto", true);
        progress.show(1, 2, "running");
        progress.show(2, 2, "running");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r").doesNotContain("\n");
    }
}
