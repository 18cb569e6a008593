package kotone.dataset.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import kotone.core.traffic.DriftCheck;
import kotone.core.traffic.DriftReport;
import kotone.core.traffic.DriftThresholds;
import org.jboss.logging.Logger;

/**
 * Compares live traffic of the last days with the {@link TrainingData}. On demand it only measures; the daily check and {@code POST /traffic/drift/checks} also store
 * the check, and a drifted one is an alert: a row, the metric {@code kotone.traffic.drift.alerts}, the gauge
 * {@code kotone.traffic.drift.drifted} and, when {@code kotone.traffic.drift.cycle-eval-set} names an eval set, a cycle
 * on it (which builds its dataset version from every stored pair, the human labels among them).
 */
@ApplicationScoped
public class DriftMonitor {

    private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

    private final TrafficStore traffic;
    private final TrainingData training;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final CycleCalls cycles;
    private final TrafficConfig.Drift config;
    private final Optional<String> cycleEvalSet;
    private final Counter alerts;
    private final AtomicInteger drifted = new AtomicInteger();

    public DriftMonitor(TrafficStore traffic, TrainingData training, DataSource dataSource, ObjectMapper json, CycleCalls cycles,
            TrafficConfig config, MeterRegistry meters) {
        this.traffic = traffic;
        this.training = training;
        this.dataSource = dataSource;
        this.json = json;
        this.cycles = cycles;
        this.config = config.drift();
        this.cycleEvalSet = config.drift().cycleEvalSet().filter(id -> !id.isBlank());
        this.alerts = meters.counter("kotone.traffic.drift.alerts");
        meters.gauge("kotone.traffic.drift.drifted", drifted);
    }

    /** Measures without storing anything. */
    public DriftMeasurement measure(int windowDays) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        DriftCheck check = new DriftCheck(new DriftThresholds(config.languageShift(), config.unseenWordShare(), config.effectSize(),
                config.minimumRequests()));
        String datasetId = training.datasetId().orElse(null);
        if (datasetId != null) {
            training.forEachRow(datasetId, check::addTraining);
        }
        traffic.forEachServedSince(now.minus(Duration.ofDays(windowDays)), served -> check.addLive(served.text(), served.language(), served.served()));
        DriftReport report = check.report();
        return new DriftMeasurement(null, now, windowDays, datasetId, (System.nanoTime() - started) / 1_000_000, report, null);
    }

    /** Measures, stores the check, and raises the alert (and starts a cycle, when configured) if traffic drifted. */
    public DriftMeasurement check(int windowDays) {
        DriftMeasurement measurement = measure(windowDays);
        boolean drift = measurement.report().drifted();
        drifted.set(drift ? 1 : 0);
        String cycle = null;
        if (drift) {
            alerts.increment();
            LOG.warnf("live traffic drifted: %s", String.join("; ", measurement.report().alerts()));
            cycle = cycleEvalSet.map(this::startCycle).orElse(null);
        }
        return measurement.stored(store(measurement, drift, cycle), cycle);
    }

    @Scheduled(every = "${kotone.traffic.drift.check-every:24h}", delayed = "${kotone.traffic.drift.first-check-after:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (checkedWithin(Duration.ofHours(20))) {
            return; // another dataset instance made today's check
        }
        check(config.windowDays());
    }

    @Transactional
    public DriftAlerts history(int limit) {
        List<DriftMeasurement> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id, checked_at, window_days, dataset_id, report, cycle_started from drift_check order by id desc limit ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredReport stored = json.readValue(rows.getString(5), StoredReport.class);
                    items.add(new DriftMeasurement(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getInt(3), rows.getString(4),
                            stored.computeMs(), stored.report(), rows.getString(6)));
                }
            }
            long count;
            try (PreparedStatement countDrifted = connection.prepareStatement("select count(*) from drift_check where drifted");
                    ResultSet rows = countDrifted.executeQuery()) {
                rows.next();
                count = rows.getLong(1);
            }
            return new DriftAlerts(items, count, limit);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the drift checks", e);
        }
    }

    /** What the report column holds. */
    private record StoredReport(long computeMs, DriftReport report) {
    }

    private String startCycle(String evalSetId) {
        try {
            EvalApi.CycleStarted started = cycles.start(evalSetId);
            return String.valueOf(started.n());
        } catch (RuntimeException e) {
            // 409 while another cycle runs, or eval down: the alert stands, and the next drifted check tries again
            LOG.warnf("drift could not start a cycle on %s: %s", evalSetId, e.toString());
            return null;
        }
    }

    private long store(DriftMeasurement measurement, boolean drift, String cycle) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into drift_check (checked_at, window_days, dataset_id, live_requests, training_rows, drifted, report, cycle_started) "
                        + "values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id")) {
            insert.setTimestamp(1, Timestamp.from(measurement.checkedAt()));
            insert.setInt(2, measurement.windowDays());
            insert.setString(3, measurement.datasetId());
            insert.setLong(4, measurement.report().liveRequests());
            insert.setLong(5, measurement.report().trainingRows());
            insert.setBoolean(6, drift);
            insert.setString(7, json.writeValueAsString(new StoredReport(measurement.computeMs(), measurement.report())));
            insert.setString(8, cycle);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the drift check", e);
        }
    }

    private boolean checkedWithin(Duration age) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select exists (select 1 from drift_check where checked_at > ?)")) {
            select.setTimestamp(1, Timestamp.from(Instant.now().minus(age)));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the drift checks", e);
        }
    }
}
