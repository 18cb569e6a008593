package kotone.dataset.models;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered local model: its card and its weights (loaded only when asked for). At most one is promoted. */
@Entity
@Table(name = "model_version")
public class RegisteredModel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "models")
    @SequenceGenerator(name = "models", sequenceName = "model_version_seq", allocationSize = 1)
    public Integer version;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public String method;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ModelCard.Hyperparameters hyperparameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ModelCard.Features features;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ModelCard.Metrics metrics;

    @Column(name = "training_ms", nullable = false)
    public long trainingMs;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] weights;

    @Column(name = "weights_sha256", nullable = false)
    public String weightsSha256;

    @Formula("octet_length(weights)")
    public int weightsBytes;

    @Column(nullable = false)
    public boolean promoted;

    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "guard_report")
    public GuardReport guardReport;

    ModelVersion view() {
        return new ModelVersion(version, datasetId, method, hyperparameters, features, metrics, trainingMs, weightsSha256, weightsBytes, promoted,
                promotedAt, createdAt, guardReport);
    }
}
