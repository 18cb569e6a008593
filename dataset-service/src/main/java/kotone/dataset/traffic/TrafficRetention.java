package kotone.dataset.traffic;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes live requests older than {@code kotone.traffic.retention-days}, hourly. */
@ApplicationScoped
public class TrafficRetention {

    private static final Logger LOG = Logger.getLogger(TrafficRetention.class);

    private final TrafficStore store;
    private final int retentionDays;

    public TrafficRetention(TrafficStore store, TrafficConfig config) {
        this.store = store;
        this.retentionDays = config.retentionDays();
    }

    @Scheduled(every = "${kotone.traffic.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int deleted = store.deleteServedBefore(Instant.now().minus(Duration.ofDays(retentionDays)));
        if (deleted > 0) {
            LOG.infof("deleted %d live requests older than %d days", deleted, retentionDays);
        }
    }
}
