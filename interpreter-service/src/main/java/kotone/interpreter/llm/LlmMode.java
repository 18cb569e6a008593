package kotone.interpreter.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotone.common.llm.ConfiguredProvider;
import kotone.common.llm.LlmProviders;
import kotone.core.llm.AnswerParser;
import kotone.core.llm.ChatCompletionsClient;
import kotone.core.llm.InterpretPrompt;
import kotone.core.llm.LlmException;
import kotone.core.llm.ParsedAnswer;
import kotone.interpreter.config.InterpreterConfig;
import kotone.interpreter.modes.ModeUnavailable;
import kotone.interpreter.modes.Reading;

/**
 * The LLM mode: the configured providers in order, each behind its guard, each call bounded by what is left of
 * the request's deadline. Retries only after a 429 or a 5xx, after Retry-After when the server gives one, and
 * only when the wait still fits the deadline. An answer that fails validation is never served.
 */
@ApplicationScoped
public class LlmMode {

    private final LlmProviders providers;
    private final ChatCompletionsClient client;
    private final InterpretPrompt prompt;
    private final AnswerParser parser;
    private final InterpreterConfig config;
    private final Map<String, ProviderGuard> guards = new LinkedHashMap<>();

    public LlmMode(LlmProviders providers, ChatCompletionsClient client, InterpretPrompt prompt, AnswerParser parser, InterpreterConfig config) {
        this.providers = providers;
        this.client = client;
        this.prompt = prompt;
        this.parser = parser;
        this.config = config;
        for (ConfiguredProvider provider : providers.all()) {
            guards.put(provider.name(), new ProviderGuard(config.llm().breakerFailures(), config.llm().breakerOpenMs(),
                    config.llm().bulkhead(), System::currentTimeMillis));
        }
    }

    /** The kind served when the request names none: the fine-tuned model where one is configured. */
    public LlmKind defaultKind() {
        return providers.all().stream().anyMatch(p -> p.fineTunedModel().isPresent()) ? LlmKind.FINE_TUNED : LlmKind.PROMPT_BASELINE;
    }

    public boolean configured(LlmKind kind) {
        return providers.all().stream().anyMatch(p -> kind.model(p).isPresent());
    }

    /** @param deadlineNanos System.nanoTime() by which the LLM must have answered */
    public Reading read(String text, String weather, LlmKind kind, long deadlineNanos) throws ModeUnavailable, InterruptedException {
        if (!configured(kind)) {
            throw new ModeUnavailable("llm_not_configured", "no LLM provider has a " + kind.source().key() + " model configured");
        }
        ModeUnavailable last = null;
        String user = prompt.userMessage(text, weather);
        for (ConfiguredProvider provider : providers.all()) {
            String model = kind.model(provider).orElse(null);
            if (model == null) {
                continue;
            }
            ProviderGuard guard = guards.get(provider.name());
            String refused = guard.tryAcquire();
            if (refused != null) {
                last = new ModeUnavailable(refused, provider.name() + ": " + refused.replace('_', ' '));
                continue;
            }
            boolean healthy = false;
            try {
                Reading reading = callWithRetries(provider, model, user, kind, deadlineNanos);
                healthy = true;
                return reading;
            } catch (ModeUnavailable e) {
                healthy = e.parseError() != null;
                last = e;
                if ("deadline".equals(e.reason())) {
                    throw e;
                }
            } finally {
                guard.release(healthy);
            }
        }
        throw last != null ? last : new ModeUnavailable("llm_not_configured", "no provider could be tried");
    }

    private Reading callWithRetries(ConfiguredProvider provider, String model, String user, LlmKind kind, long deadlineNanos)
            throws ModeUnavailable, InterruptedException {
        List<String> notes = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMs < 20) {
                throw new ModeUnavailable("deadline", "the deadline passed before " + provider.name() + " answered");
            }
            long timeout = remainingMs;
            try {
                ChatCompletionsClient.Answer answer = client.complete(provider.endpoint(), model, InterpretPrompt.SYSTEM, user, Duration.ofMillis(timeout));
                ParsedAnswer parsed = parser.parse(answer.content());
                notes.add(provider.name() + "/" + model + ": " + String.join(", ", parsed.stages()));
                if (!parsed.valid()) {
                    throw new ModeUnavailable("llm_invalid_json", provider.name() + " answered, but not with a valid vector: " + parsed.parseError(),
                            parsed.parseError());
                }
                return new Reading(parsed.vector(), kind.source(), model, true, null, parsed.tags(), notes, -1);
            } catch (LlmException e) {
                if (e.kind() == LlmException.Kind.TIMEOUT && (deadlineNanos - System.nanoTime()) / 1_000_000 < 20) {
                    throw new ModeUnavailable("llm_timeout", provider.name() + " did not answer before the deadline");
                }
                if (!e.retryable() || attempt >= config.llm().retries()) {
                    throw new ModeUnavailable(e.reason(), e.getMessage());
                }
                long wait = e.retryAfter() != null ? e.retryAfter().toMillis() : config.llm().backoffMs() << attempt;
                if (wait + 20 >= (deadlineNanos - System.nanoTime()) / 1_000_000) {
                    throw new ModeUnavailable(e.reason(), e.getMessage() + "; a retry would not fit the deadline");
                }
                Thread.sleep(wait);
            }
        }
    }
}
