package kotone.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The W3C traceparent of the current span, kept with work that runs later so its spans join the request's trace. */
public final class Traceparent {

    private Traceparent() {
    }

    /** The current span's traceparent, or null outside a recorded trace. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }
}
