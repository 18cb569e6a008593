package kotone.eval.cards;

/** A guard report under way: it appears on the model card (GET /models/{version}, {@code guardReport}). */
public record ModelCardView(int modelVersion, String status, String modelCard) {
}
