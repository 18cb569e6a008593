package kotone.interpreter.traffic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live-traffic capture: what share of served requests is recorded and how records travel to the dataset service. */
@ConfigMapping(prefix = "kotone.traffic.capture")
public interface TrafficConfig {

    /** The share of served requests recorded, 0 (capture off) to 1 (every request). */
    @WithDefault("1.0")
    double share();

    /** Of the recorded requests, the share the shadowed candidate also reads (in the background), while one is shadowed. */
    @WithDefault("1.0")
    double shadowShare();

    /** Records waiting to be sent; when full, new records are dropped and counted, never waited for. */
    @WithDefault("20000")
    int queueCapacity();

    /** Records per call to the dataset service. */
    @WithDefault("500")
    int batchSize();

    /** How often the queue is emptied: often enough that records die young (see {@link TrafficShipper}). */
    @WithDefault("100ms")
    Duration flushEvery();
}
