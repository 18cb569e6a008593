package kotone.interpreter.rest;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kotone.common.problem.FieldError;
import kotone.common.problem.Problem;
import kotone.common.problem.ProblemException;
import kotone.common.tracing.Traceparent;
import kotone.interpreter.rest.dto.InterpretBatchRequest;
import kotone.interpreter.rest.dto.InterpretBatchResponse;

/**
 * Reads many requests in one call, each as {@link InterpretService} reads one, in a span of its own under the
 * traceparent the item carries. Only the in-process modes (rule, local) are batched: an LLM's seconds per item would
 * hold the whole batch, so those items are asked one call each.
 */
@ApplicationScoped
public class BatchInterpreter {

    static final Set<String> BATCHED_MODES = Set.of("rule", "local");

    private final InterpretService single;
    private final Tracer tracer;

    public BatchInterpreter(InterpretService single, OpenTelemetry telemetry) {
        this.single = single;
        this.tracer = telemetry.getTracer("kotone-interpreter");
    }

    public InterpretBatchResponse interpretAll(InterpretBatchRequest request) throws InterruptedException {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            String mode = request.items().get(i).request().mode();
            if (mode == null || !BATCHED_MODES.contains(mode)) {
                errors.add(new FieldError("items[" + i + "].request.mode", "must be rule or local in a batch (LLM modes are asked one call each)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "a batch reads in-process modes only", errors));
        }
        List<InterpretBatchResponse.Answer> answers = new ArrayList<>(request.items().size());
        for (InterpretBatchRequest.Item item : request.items()) {
            answers.add(read(item));
        }
        return new InterpretBatchResponse(answers);
    }

    private InterpretBatchResponse.Answer read(InterpretBatchRequest.Item item) throws InterruptedException {
        SpanContext parent = Traceparent.spanContext(item.traceparent());
        Span span = tracer.spanBuilder("interpret").setSpanKind(SpanKind.SERVER)
                .setParent(parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.current())
                .setAttribute("kotone.interpret.mode", item.request().mode())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return new InterpretBatchResponse.Answer(single.interpret(item.request(), false), null);
        } catch (ProblemException refused) {
            span.setStatus(refused.problem().status() >= 500 ? StatusCode.ERROR : StatusCode.UNSET, refused.problem().detail());
            return new InterpretBatchResponse.Answer(null, refused.problem());
        } finally {
            span.end();
        }
    }
}
