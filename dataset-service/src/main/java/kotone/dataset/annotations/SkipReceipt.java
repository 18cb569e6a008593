package kotone.dataset.annotations;

public record SkipReceipt(long itemId, String annotator, boolean flagged) {
}
