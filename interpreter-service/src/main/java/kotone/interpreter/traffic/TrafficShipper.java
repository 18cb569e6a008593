package kotone.interpreter.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Empties the capture queue on the scheduler's thread, in batches, to the dataset service. A batch the dataset service
 * did not take is dropped and counted ({@code kotone.traffic.dropped}, reason {@code dataset_unavailable}): the
 * interpreter stays stateless, and a player's request never waits on any of this.
 */
@ApplicationScoped
public class TrafficShipper {

    private static final Logger LOG = Logger.getLogger(TrafficShipper.class);

    private final TrafficCapture capture;
    private final TrafficCalls calls;
    private final int batchSize;
    private final Counter shipped;
    private final Counter datasetUnavailable;

    public TrafficShipper(TrafficCapture capture, TrafficCalls calls, TrafficConfig config, MeterRegistry meters) {
        this.capture = capture;
        this.calls = calls;
        this.batchSize = config.batchSize();
        this.shipped = meters.counter("kotone.traffic.shipped");
        this.datasetUnavailable = meters.counter("kotone.traffic.dropped", "reason", "dataset_unavailable");
    }

    @Scheduled(every = "${kotone.traffic.capture.flush-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        List<CapturedRequest> batch = new ArrayList<>(batchSize);
        while (capture.drainTo(batch, batchSize) > 0) {
            try {
                calls.store(new CaptureBatch(List.copyOf(batch)));
                shipped.increment(batch.size());
            } catch (RuntimeException e) {
                datasetUnavailable.increment(batch.size());
                LOG.debugf("dropped %d captured requests: the dataset service did not take them (%s)", batch.size(), e.toString());
            }
            batch.clear();
        }
    }
}
