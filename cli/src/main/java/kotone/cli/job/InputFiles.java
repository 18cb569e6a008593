package kotone.cli.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks the files the user names before anything is sent, so a bad file fails with its name and line. */
final class InputFiles {

    private InputFiles() {
    }

    /** Every non-blank line must be a JSON object. */
    static int checkJsonLines(Path file, ObjectMapper json) {
        int lines = 0;
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new JobFailed(file + ":" + number + ": not JSON (" + e.getOriginalMessage() + ")");
                }
                if (node == null || !node.isObject()) {
                    throw new JobFailed(file + ":" + number + ": a line must hold one JSON object");
                }
                lines++;
            }
        } catch (NoSuchFileException e) {
            throw new JobFailed(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new JobFailed(file + ":" + (number + 1) + ": not UTF-8");
        } catch (IOException e) {
            throw new JobFailed(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (lines == 0) {
            throw new JobFailed(file + ": holds no JSON lines");
        }
        return lines;
    }

    /** The file must be one JSON object with an "items" array. */
    static void checkEvalSet(Path file, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(file.toFile());
            if (node == null || !node.isObject() || !node.path("items").isArray()) {
                throw new JobFailed(file + ":1: an eval set is a JSON object with an \"items\" array");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new JobFailed(file + ":" + line + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new JobFailed(file + (Files.exists(file) ? ": cannot be read (" + e.getMessage() + ")" : ": no such file"));
        }
    }
}
