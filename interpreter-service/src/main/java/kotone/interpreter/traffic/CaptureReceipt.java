package kotone.interpreter.traffic;

/** @param stored how many records were new (a record whose trace id is known already is not stored twice) */
public record CaptureReceipt(int received, int stored) {
}
