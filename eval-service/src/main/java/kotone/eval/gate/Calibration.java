package kotone.eval.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The noise of an eval set under one champion, measured once: the champion against itself on re-ordered items, with
 * another bootstrap seed. Its interval is what "no change" looks like on the set.
 */
@Entity
@Table(name = "eval_calibration")
public class Calibration {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public double delta;

    @Column(name = "ci_low", nullable = false)
    public double ciLow;

    @Column(name = "ci_high", nullable = false)
    public double ciHigh;

    @Column(name = "champion_run_id", nullable = false)
    public UUID championRunId;

    @Column(name = "repeat_run_id", nullable = false)
    public UUID repeatRunId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "set_id")
        public String setId;

        @Column(name = "champion_version")
        public int championVersion;

        public String mode;

        public String metric;

        public Key() {
        }

        public Key(String setId, int championVersion, String mode, String metric) {
            this.setId = setId;
            this.championVersion = championVersion;
            this.mode = mode;
            this.metric = metric;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.championVersion == championVersion && key.setId.equals(setId) && key.mode.equals(mode)
                    && key.metric.equals(metric);
        }

        @Override
        public int hashCode() {
            return Objects.hash(setId, championVersion, mode, metric);
        }
    }
}
