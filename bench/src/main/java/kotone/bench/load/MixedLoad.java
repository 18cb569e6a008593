package kotone.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The load suite's generator (issue 17): the mix through the gateway at constant rates, latency corrected for
 * coordinated omission, CPU of the whole stack per request, and heap, threads, files and connections of every service
 * between the first and the last ten seconds. Run by bench/load/load.sh.
 */
public final class MixedLoad {

    private final LoadSettings settings;
    private final LoadReport report = new LoadReport(System.out);
    private final ProcessProbe probe = new ProcessProbe();

    private MixedLoad(LoadSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        LoadSettings settings = LoadSettings.parse(args, System.getenv());
        PhaseResult held = new MixedLoad(settings).run();
        System.exit(held.meets(settings.p99LimitMillis()) ? 0 : 1);
    }

    private PhaseResult run() {
        Mix mix = new MixBuilder(settings.gateway(), settings.clientKey(), settings.analystKey(),
                new SplittableRandom(settings.seed())).build();
        try (ConstantRateLoad load = new ConstantRateLoad(settings.gateway(), mix, settings.connections(),
                settings.timeout(), settings.seed())) {
            report.phase("warm-up", load.run(settings.warmupRate(), settings.warmup(), this::stackCpuMicros));
            List<Double> candidates = "ladder".equals(settings.command()) ? climb(load) : settings.rates();
            for (int i = candidates.size() - 1; i >= 0; i--) {
                PhaseResult held = hold(load, candidates.get(i));
                if (held.meets(settings.p99LimitMillis()) || i == 0) {
                    return held;
                }
                report.line("held rate missed the limit; one step down");
            }
            throw new IllegalStateException("no rate to hold");
        }
    }

    /** The rates that passed, lowest first, climbing until one misses p99 or errs. */
    private List<Double> climb(ConstantRateLoad load) {
        List<Double> passed = new ArrayList<>();
        for (double rate : settings.rates()) {
            PhaseResult step = load.run(rate, settings.step(), this::stackCpuMicros);
            report.phase("step", step);
            if (!step.meets(settings.p99LimitMillis())) {
                break;
            }
            passed.add(rate);
        }
        if (passed.isEmpty()) {
            passed.add(settings.rates().get(0));
        }
        return passed;
    }

    private PhaseResult hold(ConstantRateLoad load, double rate) {
        List<StackProcess> services = StackProcess.of(settings.kotoneDir()).stream().filter(StackProcess::isService).toList();
        try (ResourceSampler sampler = new ResourceSampler(services, settings.databasePort())) {
            Map<String, Long> liveBefore = new LinkedHashMap<>();
            services.forEach(service -> liveBefore.put(service.name(), sampler.heapAfterFullGc(service)));
            // the full collections shrink the heaps and stop every service once: let them settle before measuring
            report.phase("settle", load.run(rate, settings.step(), this::stackCpuMicros));
            sampler.start();
            PhaseResult held = load.run(rate, settings.duration(), this::stackCpuMicros);
            List<ResourceSample> samples = sampler.stop();
            report.phase("held", held);
            report.operations(held);
            report.resources(samples, settings.duration().toSeconds());
            services.forEach(service -> report.liveHeap(service.name(), liveBefore.get(service.name()),
                    sampler.heapAfterFullGc(service)));
            report.line(String.format("RESULT rate=%.0f answered_per_s=%.1f p99_ms=%.1f errors=%d stack_cpu_us_per_request=%.0f"
                            + " meets_p99_%.0f_ms=%s", rate, held.answeredPerSecond(), held.total().percentileMillis(99),
                    held.total().errors(), held.cpuMicrosPerRequest(), settings.p99LimitMillis(),
                    held.meets(settings.p99LimitMillis())));
            return held;
        }
    }

    private long stackCpuMicros() {
        List<Long> pids = StackProcess.of(settings.kotoneDir()).stream().map(StackProcess::pid).toList();
        return probe.cpuTicks(pids) * 1_000_000L / settings.clockTicksPerSecond();
    }
}
