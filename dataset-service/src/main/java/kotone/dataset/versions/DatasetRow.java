package kotone.dataset.versions;

import java.util.Map;

/** One row of a dataset version as the API shows it; the vector is on 0-100. */
public record DatasetRow(int rowNo, long pairId, String split, String sourceType, String language, String text,
        Map<String, Integer> vector) {
}
