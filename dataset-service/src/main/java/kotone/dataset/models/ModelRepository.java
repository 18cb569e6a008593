package kotone.dataset.models;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kotone.core.text.Sha256;

/** The model registry: versions with their cards and weights, and the single promoted flag. */
@ApplicationScoped
public class ModelRepository implements PanacheRepositoryBase<RegisteredModel, Integer> {

    @Transactional
    public int register(String datasetId, String method, ModelCard.Hyperparameters hyperparameters, ModelCard.Features features,
            ModelCard.Metrics metrics, long trainingMs, byte[] weights) {
        RegisteredModel model = new RegisteredModel();
        model.datasetId = datasetId;
        model.method = method;
        model.hyperparameters = hyperparameters;
        model.features = features;
        model.metrics = metrics;
        model.trainingMs = trainingMs;
        model.weights = weights;
        model.weightsSha256 = Sha256.hex(weights);
        model.createdAt = Instant.now();
        persist(model);
        return model.version;
    }

    @Transactional
    public List<ModelVersion> list(int limit, int offset) {
        return findAll(Sort.by("version", Sort.Direction.Descending)).range(offset, offset + limit - 1).stream().map(RegisteredModel::view).toList();
    }

    @Transactional
    public Optional<ModelVersion> find(int version) {
        return findByIdOptional(version).map(RegisteredModel::view);
    }

    @Transactional
    public Optional<ModelVersion> promoted() {
        return find("promoted", true).firstResultOptional().map(RegisteredModel::view);
    }

    @Transactional
    public Optional<byte[]> weights(int version) {
        return findByIdOptional(version).map(model -> model.weights);
    }

    /** A move about to be made: what kind, by whom, why, on which gate check. */
    public record NewMove(String kind, String movedBy, String reason, UUID gateCheckId) {
    }

    /**
     * Makes this version the only promoted one and records the move, in one transaction: readers see the old or the new
     * promotion, never none or two (a unique index backs this up), and the history never misses a move. The table lock
     * serialises moves, so the previous version recorded is the one really replaced.
     *
     * @param expectedChampion the champion the caller decided against, or null for none; the move is refused (empty)
     *        when another move got there first
     */
    @Transactional
    public Optional<AliasMove> promote(int version, Integer expectedChampion, NewMove move) {
        getEntityManager().createNativeQuery("lock table model_version in share row exclusive mode").executeUpdate();
        Integer champion = find("promoted", true).firstResultOptional().map(model -> model.version).orElse(null);
        if (!Objects.equals(champion, expectedChampion)) {
            return Optional.empty();
        }
        update("promoted = false where promoted = true and version <> ?1", version);
        update("promoted = true, promotedAt = ?1 where version = ?2 and promoted = false", Instant.now(), version);
        AliasMoveEntry entry = AliasMoveEntry.of(version, champion, move);
        getEntityManager().persist(entry);
        getEntityManager().flush();
        return Optional.of(entry.view());
    }

    /** Stores the version's guard report; false when there is no such version. */
    @Transactional
    public boolean recordGuardReport(int version, GuardReport report) {
        return update("guardReport = ?1 where version = ?2", report, version) == 1;
    }
}
