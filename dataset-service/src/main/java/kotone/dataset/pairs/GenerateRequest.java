package kotone.dataset.pairs;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Asks a generator for teacher pairs.
 *
 * @param generator "catalog" (needs nothing outside kotone), "llm" (labels the given texts through the configured LLM) or
 *        "replay" (hard cases from an eval run, with their targets as labels)
 * @param count how many pairs the catalog teacher makes
 * @param seed the catalog teacher's seed: the same seed gives the same pairs
 * @param focusDimensions the catalog teacher pushes these dimensions away from neutral (augmentation)
 * @param texts the texts the LLM teacher labels
 * @param inputFormat what the texts are: "request_text" or "rule_prompt"
 * @param lineage where the request came from (for example an eval run and its samples), kept with every pair
 * @param replay the hard cases to store as pairs, each with the sample it came from
 */
public record GenerateRequest(
        @NotNull @Pattern(regexp = "catalog|llm|replay", message = "must be catalog, llm or replay") String generator,
        @Min(1) @Max(200_000) Integer count,
        Long seed,
        @DecimalMin("0.0") @DecimalMax("1.0") Double japaneseShare,
        @DecimalMin("0.0") @DecimalMax("30.0") Double noise,
        List<@Pattern(regexp = "energy|warmth|brightness|acousticness|complexity|nostalgia", message = "must be a dimension") String> focusDimensions,
        @Size(max = 500) List<@NotNull @Size(min = 1, max = 2000) String> texts,
        @Pattern(regexp = "request_text|rule_prompt", message = "must be request_text or rule_prompt") String inputFormat,
        Lineage lineage,
        @Size(max = 10_000) List<@NotNull @jakarta.validation.Valid Replay> replay) {

    /** @param vector the target on 0-100 */
    public record Replay(@NotNull @Size(min = 1, max = 2000) String requestText, @NotNull Map<String, Integer> vector,
            Lineage lineage) {
    }
}
