package kotone.eval.guards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An eval set every promotion is judged on besides its target: the candidate may not get worse on it beyond a margin. */
@Entity
@Table(name = "eval_guard")
public class Guard {

    @Id
    @Column(name = "set_id")
    public String setId;

    public String note;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    public static Guard of(String setId, String note, String registeredBy) {
        Guard guard = new Guard();
        guard.setId = setId;
        guard.note = note;
        guard.registeredBy = registeredBy;
        guard.registeredAt = Instant.now();
        return guard;
    }
}
