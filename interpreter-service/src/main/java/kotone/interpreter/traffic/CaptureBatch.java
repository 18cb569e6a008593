package kotone.interpreter.traffic;

import java.util.List;

/** Records sent to the dataset service in one call. */
public record CaptureBatch(List<CapturedRequest> records) {
}
