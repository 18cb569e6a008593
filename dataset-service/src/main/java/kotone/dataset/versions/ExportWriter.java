package kotone.dataset.versions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kotone.core.llm.InterpretPrompt;
import kotone.core.model.train.Split;
import kotone.core.vector.MusicVector;

/**
 * Writes a dataset version for hosted fine-tuning as JSON lines, row by row from a database cursor. The
 * messages are exactly those the interpreter sends at serving time (see {@link InterpretPrompt}).
 */
@ApplicationScoped
public class ExportWriter {

    private final DatasetRepository repository;
    private final InterpretPrompt prompt;
    private final ObjectMapper json;

    public ExportWriter(DatasetRepository repository, InterpretPrompt prompt, ObjectMapper json) {
        this.repository = repository;
        this.prompt = prompt;
        this.json = json;
    }

    public void write(String datasetId, Split split, ExportFormat format, int scale, OutputStream out) {
        repository.rows(datasetId, split, Integer.MAX_VALUE, 0, row -> {
            MusicVector label = MusicVector.of(row.vector().values().stream().mapToInt(Integer::intValue).toArray());
            String user = prompt.userMessage(row.text(), null);
            String assistant = prompt.assistantAnswer(label, List.of(), scale);
            ObjectNode line = json.createObjectNode();
            if (format == ExportFormat.CHAT) {
                ArrayNode messages = line.putArray("messages");
                messages.addObject().put("role", "system").put("content", InterpretPrompt.SYSTEM);
                messages.addObject().put("role", "user").put("content", user);
                messages.addObject().put("role", "assistant").put("content", assistant);
            } else {
                line.put("prompt", InterpretPrompt.SYSTEM + "\n\n" + user + "\n\nAnswer:");
                line.put("completion", " " + assistant);
            }
            try {
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
