package kotone.interpreter.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Empties the capture queue on a thread of its own, every {@code kotone.traffic.capture.flush-every} (100 ms), in
 * batches, to the dataset service: each served request becomes a record here, and one marked for the shadowed candidate
 * is read by it first. Emptying often keeps few records waiting and each batch small. A batch the dataset service did
 * not take is dropped and counted ({@code kotone.traffic.dropped}, reason
 * {@code dataset_unavailable}): the interpreter stays stateless, and a player's request never waits on any of this.
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
    private final Duration flushEvery;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread shipper = new Thread(runnable, "kotone-traffic-shipper");
        shipper.setDaemon(true);
        return shipper;
    });

    public TrafficShipper(TrafficCapture capture, TrafficCalls calls, ShadowReader shadow, TrafficConfig config, MeterRegistry meters) {
        this.capture = capture;
        this.calls = calls;
        this.shadow = shadow;
        this.batchSize = config.batchSize();
        this.shipped = meters.counter("kotone.traffic.shipped");
        this.datasetUnavailable = meters.counter("kotone.traffic.dropped", "reason", "dataset_unavailable");
        this.flushEvery = config.flushEvery();
    }

    void start(@Observes StartupEvent started) {
        thread.scheduleWithFixedDelay(this::flushQuietly, flushEvery.toMillis(), flushEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // a failed flush must not end the schedule
            LOG.warnf("could not ship captured requests: %s", e.toString());
        }
    }

    void flush() {
        List<TrafficCapture.Served> pending = new ArrayList<>(batchSize);
        while (capture.drainTo(pending, batchSize) > 0) {
            List<CapturedRequest> batch = new ArrayList<>(pending.size());
            for (TrafficCapture.Served served : pending) {
                CapturedRequest request = served.toRecord();
                batch.add(served.shadowVersion() == null ? request
                        : request.withShadow(shadow.read(request.text(), request.weather(), served.shadowVersion())));
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
