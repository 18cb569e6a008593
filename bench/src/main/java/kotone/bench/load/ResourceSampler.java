package kotone.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples each service every second during a phase, from /proc: threads, open files, established TCP connections and
 * those to the database; growth is judged by comparing the first and the last ten seconds. The heap, whose use rises
 * and falls with every collection, is judged instead by what a full collection leaves, before and after.
 */
final class ResourceSampler implements AutoCloseable {

    private final List<StackProcess> services;
    private final int databasePort;
    private final ProcessProbe probe = new ProcessProbe();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ResourceSample> samples = new ArrayList<>();
    private long startNanos;

    ResourceSampler(List<StackProcess> processes, int databasePort) {
        this.services = processes.stream().filter(StackProcess::isService).toList();
        this.databasePort = databasePort;
    }

    void start() {
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    List<ResourceSample> stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Heap in use right after a full collection the JVM is asked for (jcmd GC.run): live data, whatever the sawtooth. */
    long heapAfterFullGc(StackProcess service) {
        try {
            new ProcessBuilder("jcmd", Long.toString(service.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return heapUsed(service);
    }

    private void sample() {
        double second = (System.nanoTime() - startNanos) / 1e9;
        for (StackProcess service : services) {
            ProcessProbe.Connections connections = probe.connections(service.pid(), databasePort);
            ResourceSample sample = new ResourceSample(second, service.name(),
                    probe.threads(service.pid()), probe.openFiles(service.pid()), connections.established(),
                    connections.toPort());
            synchronized (samples) {
                samples.add(sample);
            }
        }
    }

    private long heapUsed(StackProcess service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort() + "/q/metrics"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return (long) http.send(request, HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
