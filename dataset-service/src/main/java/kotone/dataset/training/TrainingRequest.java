package kotone.dataset.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Starts a training job.
 *
 * @param methods the methods to compare; the configured default (all) when absent
 * @param promote promote the trained model when the job completes: only while no model is promoted (the first model); after
 *        that, promotion goes through a gate check
 */
public record TrainingRequest(
        @NotBlank String datasetId,
        List<@Pattern(regexp = "stacked|rules|ngram|embedding|ngram\\+embedding|stacked\\+embedding",
                message = "must be stacked, rules, ngram, embedding, ngram+embedding or stacked+embedding") String> methods,
        @Min(6) @Max(14) Integer hashBits,
        Long seed,
        Boolean promote) {
}
