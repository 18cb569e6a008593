package kotone.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C traceparent of a span, kept with work that runs later (an eval run, a gate check) so the spans of that work
 * can link back to the request that asked for it. Written and read by OpenTelemetry's own propagator.
 */
public final class Traceparent {

    private static final String HEADER = "traceparent";
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Traceparent() {
    }

    /** The current span's traceparent, or null outside a trace. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The traceparent of a span, to hand to work that continues its trace elsewhere (an item of a batch); null if invalid. */
    public static String of(SpanContext span) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The span a stored traceparent names, as a remote span context; invalid when the value is null or malformed. */
    public static SpanContext spanContext(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP);
        return Span.fromContext(extracted).getSpanContext();
    }
}
