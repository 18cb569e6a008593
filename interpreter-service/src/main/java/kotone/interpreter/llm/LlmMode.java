package kotone.interpreter.llm;

import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The LLM mode: the configured providers in order, each behind a SmallRye Fault Tolerance guard of its own (a circuit
 * breaker that opens after {@code breaker-failures} failed calls in a row and a bulkhead of {@code bulkhead} calls in
 * flight, from {@code kotone.interpreter.llm.*}), each call bounded by what is left of the request's deadline. Retries
 * only after a 429 or a 5xx, after Retry-After when the server gives one, and only when the wait still fits the
 * deadline: that rule is the request's, so it stays here rather than in a retry policy. An answer that fails
 * validation is never served, but the provider did answer, so it does not count against its breaker.
 */
@ApplicationScoped
public class LlmMode {

    private final LlmProviders providers;
    private final ChatCompletionsClient client;
    private final InterpretPrompt prompt;
    private final AnswerParser parser;
    private final InterpreterConfig config;
    private final Map<String, TypedGuard<Attempt>> guards = new LinkedHashMap<>();

    public LlmMode(LlmProviders providers, ChatCompletionsClient client, InterpretPrompt prompt, AnswerParser parser, InterpreterConfig config) {
        this.providers = providers;
        this.client = client;
        this.prompt = prompt;
        this.parser = parser;
        this.config = config;
        for (ConfiguredProvider provider : providers.all()) {
            guards.put(provider.name(), TypedGuard.create(Attempt.class)
                    .withDescription("llm provider " + provider.name())
                    .withCircuitBreaker().name("llm-" + provider.name())
                        .requestVolumeThreshold(config.llm().breakerFailures()).failureRatio(1.0)
                        .delay(config.llm().breakerOpenMs(), ChronoUnit.MILLIS).successThreshold(1).done()
                    .withBulkhead().limit(config.llm().bulkhead()).done()
                    .build());
        }
    }

    /** A provider's answer: a reading, or an answer that failed validation (the provider is up; the answer is not served). */
    private record Attempt(Reading reading, ModeUnavailable invalid) {
    }

    /** The kind served when the request names none: the fine-tuned model where one is configured. */
    public LlmKind defaultKind() {
        return providers.all().stream().anyMatch(p -> p.fineTunedModel().isPresent()) ? LlmKind.FINE_TUNED : LlmKind.PROMPT_BASELINE;
    }

    public boolean configured(LlmKind kind) {
        return providers.all().stream().anyMatch(p -> kind.model(p).isPresent());
    }

    /**
     * @param requestDeadlineNanos System.nanoTime() by which the player's answer is due; the LLM must have answered
     *     {@code answer-reserve-ms} before it
     */
    public Reading read(String text, String weather, LlmKind kind, long requestDeadlineNanos) throws ModeUnavailable, InterruptedException {
        long deadlineNanos = requestDeadlineNanos - config.llm().answerReserveMs() * 1_000_000;
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
            try {
                Attempt attempt = guards.get(provider.name()).call(() -> {
                    try {
                        return new Attempt(callWithRetries(provider, model, user, kind, deadlineNanos), null);
                    } catch (ModeUnavailable e) {
                        if (e.parseError() != null) {
                            return new Attempt(null, e);
                        }
                        throw e;
                    }
                });
                if (attempt.invalid() != null) {
                    throw attempt.invalid();
                }
                return attempt.reading();
            } catch (CircuitBreakerOpenException e) {
                last = new ModeUnavailable("llm_circuit_open", provider.name() + ": circuit open after repeated failures");
            } catch (BulkheadException e) {
                last = new ModeUnavailable("llm_bulkhead_full", provider.name() + ": too many calls in flight");
            } catch (ModeUnavailable e) {
                last = e;
                if ("deadline".equals(e.reason())) {
                    throw e;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the guard of " + provider.name() + " failed", e);
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
