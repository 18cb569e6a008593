package kotone.core.llm;

import java.net.URI;

/**
 * An OpenAI-compatible chat-completions API: Mistral, the Hugging Face router, vLLM, Ollama...
 *
 * @param baseUrl up to and including the version, e.g. https://api.mistral.ai/v1
 * @param apiKey sent as a bearer token; null or blank for servers without one. Never logged.
 */
public record LlmEndpoint(String name, URI baseUrl, String apiKey) {

    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    @Override
    public String toString() {
        return "LlmEndpoint[name=" + name + ", baseUrl=" + baseUrl + "]";
    }
}
