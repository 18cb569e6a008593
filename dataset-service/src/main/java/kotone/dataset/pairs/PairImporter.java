package kotone.dataset.pairs;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotone.common.problem.FieldError;
import kotone.common.problem.ProblemException;
import kotone.core.dataset.TeacherPair;
import kotone.core.dataset.TeacherPairLine;

/**
 * Imports teacher pairs from JSON lines as they stream in: lines are read one by one and written in batches,
 * so the heap holds one batch, not the file. Bad lines are reported by number and skipped; the import is one
 * transaction, so a body that breaks off (or is not UTF-8) leaves nothing behind.
 */
@ApplicationScoped
public class PairImporter {

    static final int MAX_REPORTED = 200;
    private static final int BATCH = 500;

    private final PairRepository repository;
    private final TeacherPairLine lineReader;

    public PairImporter(PairRepository repository, TeacherPairLine lineReader) {
        this.repository = repository;
        this.lineReader = lineReader;
    }

    public ImportResult importLines(InputStream body) {
        UUID batchId = UUID.randomUUID();
        Instant now = Instant.now();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        try {
            return repository.inTransaction(connection -> read(reader, connection, batchId, now));
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("body", "the body is not valid UTF-8; nothing was imported");
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "the body could not be read to its end (" + e.getMessage() + "); nothing was imported");
        } catch (SQLException e) {
            throw new IllegalStateException("could not store teacher pairs", e);
        }
    }

    private ImportResult read(BufferedReader reader, Connection connection, UUID batchId, Instant now) throws IOException, SQLException {
        List<TeacherPair> pending = new ArrayList<>(BATCH);
        List<ImportResult.LineError> errors = new ArrayList<>();
        int lines = 0;
        int valid = 0;
        int added = 0;
        int rejected = 0;
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            TeacherPairLine.Result result = lineReader.read(line, now);
            if (result.ok()) {
                pending.add(result.pair());
                valid++;
                if (pending.size() == BATCH) {
                    added += repository.insert(connection, pending, batchId, null);
                    pending.clear();
                }
            } else {
                rejected++;
                if (errors.size() < MAX_REPORTED) {
                    errors.add(new ImportResult.LineError(lineNumber, result.errors()));
                }
            }
        }
        added += repository.insert(connection, pending, batchId, null);
        if (lines == 0) {
            throw ProblemException.unprocessable("the body holds no lines", List.of(new FieldError("body", "no JSON lines")));
        }
        if (valid == 0) {
            List<FieldError> fields = errors.stream()
                    .map(error -> new FieldError("line " + error.line(), String.join("; ", error.errors())))
                    .toList();
            throw ProblemException.unprocessable("none of the " + lines + " lines is a valid teacher pair; nothing was imported", fields);
        }
        ImportResult result = new ImportResult(batchId, lines, added, valid - added, rejected, errors, rejected > errors.size());
        repository.saveBatch(connection, batchId, "import", new PairRepository.BatchCounts(lines, added, valid - added, rejected),
                Map.of("errors", errors, "errorsTruncated", result.errorsTruncated()));
        return result;
    }
}
