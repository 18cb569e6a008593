package kotone.dataset.pairs;

import java.util.List;
import java.util.UUID;

/**
 * What an import or a generation did.
 *
 * @param errors the rejected lines with everything wrong with each, the first {@value PairImporter#MAX_REPORTED} of them
 * @param errorsTruncated true when more lines were rejected than listed
 */
public record ImportResult(UUID batchId, int lines, int imported, int duplicates, int rejected, List<LineError> errors,
        boolean errorsTruncated) {

    public record LineError(int line, List<String> errors) {
    }
}
