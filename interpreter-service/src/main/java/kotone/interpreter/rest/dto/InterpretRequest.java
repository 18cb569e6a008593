package kotone.interpreter.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * @param requestText what the customer asked for, 1-2000 characters, any language
 * @param inventoryPartIds the parts the player owns; recommendations come from these (all parts when absent)
 * @param mode auto (default), rule, local or llm
 * @param llmModel which LLM answers in llm and auto modes: prompt_baseline or fine_tuned (default: fine_tuned when configured)
 * @param modelVersion in local and auto modes, a registered model version to use instead of the promoted one (to evaluate a
 *        candidate)
 */
public record InterpretRequest(
        @NotNull @NotBlank(message = "must not be empty or only whitespace") String requestText,
        @Pattern(regexp = "sunny|cloudy|rainy", message = "must be sunny, cloudy or rainy") String weather,
        @Size(max = 200) List<@NotBlank String> inventoryPartIds,
        @Pattern(regexp = "auto|rule|local|llm", message = "must be auto, rule, local or llm") String mode,
        @Pattern(regexp = "prompt_baseline|fine_tuned", message = "must be prompt_baseline or fine_tuned") String llmModel,
        @jakarta.validation.constraints.Positive Integer modelVersion) {
}
