package kotone.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load run is asked to do. {@code ladder} warms the stack up, climbs the rates until p99 passes the limit or an
 * error comes, then holds the highest passing rate for the measured phase; {@code fixed} warms up and holds one rate.
 */
record LoadSettings(String command, List<Double> rates, double warmupRate, Duration warmup, Duration step,
                    Duration duration, double p99LimitMillis, int connections, Duration timeout, long seed,
                    Path kotoneDir, int databasePort, int clockTicksPerSecond, URI gateway, String clientKey,
                    String analystKey) {

    static LoadSettings parse(String[] args, Map<String, String> environment) {
        if (args.length == 0 || !List.of("ladder", "fixed").contains(args[0])) {
            throw new IllegalArgumentException("usage: MixedLoad ladder|fixed [--rates 100,200,...] [--rate R] "
                    + "[--warmup 60s] [--warmup-rate R] [--step 20s] [--duration 60s] [--p99-ms 50] [--connections 64] "
                    + "[--timeout 5s] [--seed N] [--kotone-dir .kotone] [--database-port 54320] [--clock-ticks 100]");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String rates = options.getOrDefault("rates", options.getOrDefault("rate", "100,200,300,400,450,500,550,600,650,700,800"));
        return new LoadSettings(args[0],
                Arrays.stream(rates.split(",")).map(String::trim).map(Double::parseDouble).sorted().toList(),
                Double.parseDouble(options.getOrDefault("warmup-rate", "150")),
                seconds(options.getOrDefault("warmup", "60s")),
                seconds(options.getOrDefault("step", "20s")),
                seconds(options.getOrDefault("duration", "60s")),
                Double.parseDouble(options.getOrDefault("p99-ms", "50")),
                Integer.parseInt(options.getOrDefault("connections", "64")),
                seconds(options.getOrDefault("timeout", "5s")),
                Long.parseLong(options.getOrDefault("seed", "17")),
                Path.of(options.getOrDefault("kotone-dir", ".kotone")),
                Integer.parseInt(options.getOrDefault("database-port", "54320")),
                Integer.parseInt(options.getOrDefault("clock-ticks", "100")),
                URI.create(required(environment, "KOTONE_GATEWAY_URL")),
                required(environment, "KOTONE_CLIENT_KEY"),
                required(environment, "KOTONE_ANALYST_KEY"));
    }

    private static Duration seconds(String text) {
        return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: source .kotone/env first");
        }
        return value;
    }
}
