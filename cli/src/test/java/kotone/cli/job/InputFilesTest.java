package kotone.cli.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aMalformedLineIsNamedByFileAndLine() throws Exception {
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), "{\"id\":1}\n\n{\"id\":2\n");
        assertThatThrownBy(() -> InputFiles.checkJsonLines(pairs, json)).isInstanceOf(JobFailed.class)
                .hasMessageStartingWith(pairs + ":3: not JSON");
        Path array = Files.writeString(dir.resolve("array.jsonl"), "[1]\n");
        assertThatThrownBy(() -> InputFiles.checkJsonLines(array, json)).hasMessage(array + ":1: a line must hold one JSON object");
        assertThat(InputFiles.checkJsonLines(Files.writeString(dir.resolve("ok.jsonl"), "{}\n{}\n"), json)).isEqualTo(2);
    }

    @Test
    void aMissingOrBrokenFileIsOneLine() throws Exception {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> InputFiles.checkJsonLines(missing, json)).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> InputFiles.checkEvalSet(missing, json)).hasMessage(missing + ": no such file");
        Path broken = Files.writeString(dir.resolve("set.json"), "{\n  \"items\": [\n    {,\n  ]\n}\n");
        assertThatThrownBy(() -> InputFiles.checkEvalSet(broken, json)).hasMessageStartingWith(broken + ":3: not JSON");
        Path noItems = Files.writeString(dir.resolve("empty.json"), "{\"count\": 0}");
        assertThatThrownBy(() -> InputFiles.checkEvalSet(noItems, json)).hasMessageContaining("\"items\" array");
    }
}
