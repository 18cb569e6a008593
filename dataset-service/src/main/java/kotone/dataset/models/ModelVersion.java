package kotone.dataset.models;

import java.time.Instant;

/**
 * A registered local model, without its weights (see GET /models/{version}/weights): its model card.
 *
 * @param guardReport the version on every guard in the rule, local and auto modes, once the eval service measured it
 */
public record ModelVersion(int version, String datasetId, String method, ModelCard.Hyperparameters hyperparameters,
        ModelCard.Features features, ModelCard.Metrics metrics, long trainingMs, String weightsSha256, int weightsBytes,
        boolean promoted, Instant promotedAt, Instant createdAt, GuardReport guardReport) {
}
