package kotone.interpreter.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Empties the capture queue on the scheduler's thread, in batches, to the dataset service; a record marked for the shadowed
 * candidate is read by it here first. A batch the dataset service
 * did not take is dropped and counted ({@code kotone.traffic.dropped}, reason {@code dataset_unavailable}): the
 * interpreter stays stateless, and a player's request never waits on any of this.
 */
@ApplicationScoped
public class TrafficShipper {

    private static final Logger LOG = Logger.getLogger(TrafficShipper.class);

    private final TrafficCapture capture;
    private final TrafficCalls calls;
    private final ShadowReader shadow;
    private final int batchSize;
    private final Counter shipped;
    private final Counter datasetUnavailable;

    public TrafficShipper(TrafficCapture capture, TrafficCalls calls, ShadowReader shadow, TrafficConfig config, MeterRegistry meters) {
        this.capture = capture;
        this.calls = calls;
        this.shadow = shadow;
        this.batchSize = config.batchSize();
        this.shipped = meters.counter("kotone.traffic.shipped");
        this.datasetUnavailable = meters.counter("kotone.traffic.dropped", "reason", "dataset_unavailable");
    }

    @Scheduled(every = "${kotone.traffic.capture.flush-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        List<TrafficCapture.Pending> pending = new ArrayList<>(batchSize);
        while (capture.drainTo(pending, batchSize) > 0) {
            List<CapturedRequest> batch = new ArrayList<>(pending.size());
            for (TrafficCapture.Pending record : pending) {
                CapturedRequest request = record.request();
                batch.add(record.shadowVersion() == null ? request
                        : request.withShadow(shadow.read(request.text(), request.weather(), record.shadowVersion())));
            }
            pending.clear();
            try {
                calls.store(new CaptureBatch(batch));
                shipped.increment(batch.size());
            } catch (RuntimeException e) {
                datasetUnavailable.increment(batch.size());
                LOG.debugf("dropped %d captured requests: the dataset service did not take them (%s)", batch.size(), e.toString());
            }
        }
    }
}
