package kotone.eval.clients;

import java.util.List;

/**
 * The body of the interpreter's POST /interpret/batch: in-process readings (rule or local), each with the traceparent
 * of its sample's span, so that the interpreter's reading of each item is in that item's trace.
 */
public record InterpretBatchCall(List<Item> items) {

    public record Item(InterpretCall request, String traceparent) {
    }
}
