package kotone.common.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAI-compatible providers, tried in {@code order}. For example:
 * <pre>
 * kotone.llm.order=hf,mistral
 * kotone.llm.providers.mistral.base-url=https://api.mistral.ai/v1
 * kotone.llm.providers.mistral.api-key=${MISTRAL_API_KEY}
 * kotone.llm.providers.mistral.prompt-baseline-model=mistral-small-latest
 * kotone.llm.providers.mistral.fine-tuned-model=ft:open-mistral-7b:kotone
 * </pre>
 * A provider without a base URL is not configured; with no provider, LLM modes report themselves unavailable.
 */
@ConfigMapping(prefix = "kotone.llm")
public interface LlmConfig {

    /** Provider names in the order they are tried; providers not listed come after, by name. */
    Optional<List<String>> order();

    Map<String, Provider> providers();

    /** Per-request timeout of one provider call, in milliseconds. */
    @WithDefault("1500")
    long callTimeoutMs();

    interface Provider {
        Optional<String> baseUrl();

        Optional<String> apiKey();

        Optional<String> promptBaselineModel();

        Optional<String> fineTunedModel();

        /** The model that labels texts for the LLM teacher; the prompt-baseline model when absent. */
        Optional<String> teacherModel();
    }
}
