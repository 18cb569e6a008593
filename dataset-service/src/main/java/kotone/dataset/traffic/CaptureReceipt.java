package kotone.dataset.traffic;

/** @param stored how many records were new: a trace id already stored is not stored twice */
public record CaptureReceipt(int received, int stored) {
}
