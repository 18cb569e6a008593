package kotone.interpreter.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Many requests read in one call (eval runs in the in-process modes): each with the W3C traceparent of the span it
 * belongs to, so that each reading is a span in its own item's trace rather than one span for all.
 */
public record InterpretBatchRequest(@NotNull @Size(min = 1, max = InterpretBatchRequest.MAX_ITEMS) List<@NotNull @Valid Item> items) {

    public static final int MAX_ITEMS = 500;

    public record Item(@NotNull @Valid InterpretRequest request,
            @Pattern(regexp = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}", message = "must be a W3C traceparent (00-<trace>-<span>-<flags>)")
            String traceparent) {
    }
}
