package kotone.dataset.pairs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A teacher pair as stored. Pairs are read through this entity; they are written in batches by {@link PairRepository},
 * whose insert skips a pair already stored (same content hash) in the same statement.
 */
@Entity
@Table(name = "teacher_pair")
public class TeacherPairEntry {

    @Id
    public long id;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "request_text")
    public String requestText;

    @Column(name = "rule_prompt")
    public String rulePrompt;

    public String weather;

    public short energy;
    public short warmth;
    public short brightness;
    public short acousticness;
    public short complexity;
    public short nostalgia;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String generator;

    public Long seed;

    @Column(name = "teacher_model")
    public String teacherModel;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Lineage lineage;

    StoredPair view() {
        Map<String, Integer> vector = new LinkedHashMap<>();
        vector.put("energy", (int) energy);
        vector.put("warmth", (int) warmth);
        vector.put("brightness", (int) brightness);
        vector.put("acousticness", (int) acousticness);
        vector.put("complexity", (int) complexity);
        vector.put("nostalgia", (int) nostalgia);
        return new StoredPair(id, externalId, requestText, rulePrompt, source, generator, seed, teacherModel, generatedAt, lineage, vector);
    }
}
