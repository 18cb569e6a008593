package kotone.dataset.models;

/** The promoted version after a move, and the move itself. */
public record Promotion(ModelVersion model, AliasMove move) {
}
