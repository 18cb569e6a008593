package kotone.dataset.versions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Builds a dataset version from the stored pairs.
 *
 * @param sources which pair sources to include ("import", "catalog_teacher", "llm_teacher"); all when absent
 * @param seed the split seed; the same pairs, filter and seed give the same version
 */
public record CreateDatasetRequest(
        List<@Pattern(regexp = "import|catalog_teacher|llm_teacher|replay", message = "must be import, catalog_teacher, llm_teacher or replay") String> sources,
        Long seed,
        @DecimalMin("0.05") @DecimalMax("0.9") Double trainShare,
        @DecimalMin("0.05") @DecimalMax("0.5") Double validShare,
        @Valid Filter filter) {

    public record Filter(@Min(1) @Max(2000) Integer minChars, @Min(1) @Max(100_000) Integer maxChars,
            List<@Pattern(regexp = "en|ja|unknown", message = "must be en, ja or unknown") String> languages,
            @DecimalMin("0.5") @DecimalMax("1.0") Double nearDuplicateJaccard, @Min(0) @Max(50) Integer nearDuplicateLabelDistance) {
    }
}
