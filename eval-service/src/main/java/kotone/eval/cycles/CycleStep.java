package kotone.eval.cycles;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step of a cycle: what went in, what came out (or the error), and when. */
@Entity
@Table(name = "eval_cycle_step")
public class CycleStep {

    public enum Status {
        running, completed, failed
    }

    @Embeddable
    public record Key(@Column(name = "cycle_n") int cycleN, @Column(name = "step_no") int stepNo) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode inputs;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode outputs;

    public String error;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
