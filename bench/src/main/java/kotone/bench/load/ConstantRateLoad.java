package kotone.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Sends the mix at a constant rate, whatever the answers do (an open model, as wrk2 does): request i is due at
 * start + i / rate, and its latency counts from then, so a stall is charged to every request it held back instead of
 * slowing the sender down (coordinated omission). One event loop and a bounded pool of keep-alive connections.
 */
final class ConstantRateLoad implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient client;
    private final Mix mix;
    private final SplittableRandom random;
    private final String host;
    private final int port;
    private final long timeoutMillis;

    ConstantRateLoad(URI gateway, Mix mix, int connections, Duration timeout, long seed) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        this.host = gateway.getHost();
        this.port = gateway.getPort();
        this.timeoutMillis = timeout.toMillis();
    }

    /** Runs one phase; {@code stackCpuMicros} reads the CPU time the stack has spent so far. */
    PhaseResult run(double rate, Duration length, LongSupplier stackCpuMicros) {
        Map<String, Tally> byOperation = new LinkedHashMap<>();
        mix.operations().forEach(operation -> byOperation.put(operation.name(), new Tally()));
        List<Tally> windows = new ArrayList<>();
        for (long s = 0; s < length.toSeconds(); s += PhaseResult.WINDOW_SECONDS) {
            windows.add(new Tally());
        }
        AtomicLong outstanding = new AtomicLong();
        long intervalNanos = Math.round(1e9 / rate);
        long requests = length.toNanos() / intervalNanos;
        long cpuBefore = stackCpuMicros.getAsLong();
        long start = System.nanoTime();
        long maxLagNanos = 0;
        for (long i = 0; i < requests; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                maxLagNanos = Math.max(maxLagNanos, -wait);
            }
            Operation operation = mix.pick(random);
            Tally tally = byOperation.get(operation.name());
            Tally window = windows.get((int) Math.min(windows.size() - 1,
                    TimeUnit.NANOSECONDS.toSeconds(due - start) / PhaseResult.WINDOW_SECONDS));
            outstanding.incrementAndGet();
            send(operation.next(random)).onComplete(answer -> {
                long latency = System.nanoTime() - due;
                if (answer.succeeded()) {
                    tally.answered(latency, answer.result());
                    window.answered(latency, answer.result());
                } else {
                    tally.failed(latency, answer.cause());
                    window.failed(latency, answer.cause());
                }
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + 5_000);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (stackCpuMicros.getAsLong() - cpuBefore) / 1e6;
        return new PhaseResult(rate, Math.max(seconds, length.toNanos() / 1e9), byOperation, windows,
                maxLagNanos / 1e6, cpuSeconds);
    }

    private Future<Integer> send(LoadRequest request) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(host).setPort(port)
                .setURI(request.path()).setIdleTimeout(timeoutMillis).putHeader("X-API-Key", request.apiKey());
        if (request.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(sent -> request.body() == null ? sent.send() : sent.send(request.body()))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
