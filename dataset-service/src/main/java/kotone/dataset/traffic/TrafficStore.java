package kotone.dataset.traffic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kotone.core.traffic.ShadowPair;
import kotone.core.vector.MusicVector;

/**
 * Live requests in PostgreSQL. A batch is one statement (the records as one JSON array, unpacked by
 * {@code jsonb_to_recordset}), so the interpreter's batches cost one round trip each; reads are plain SQL.
 */
@ApplicationScoped
public class TrafficStore {

    private static final TypeReference<Map<String, MusicVector>> READINGS = new TypeReference<>() { };
    private static final String RULES = "rule_baseline";
    private static final String COLUMNS = "id, trace_id, served_at, text, language, input_type, weather, mode, served_source, model_version, "
            + "served, readings, coverage, latency_ms, shadow_version, shadow, shadow_latency_ms";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public TrafficStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One record as the insert unpacks it: the column names of {@code live_request}. */
    private record Row(@JsonProperty("trace_id") String traceId, @JsonProperty("served_at") Instant servedAt, String text, String language,
            @JsonProperty("input_type") String inputType, String weather, String mode, @JsonProperty("served_source") String servedSource,
            @JsonProperty("model_version") String modelVersion, int[] served, Map<String, MusicVector> readings, Double coverage,
            @JsonProperty("latency_ms") double latencyMs, @JsonProperty("shadow_version") Integer shadowVersion, int[] shadow,
            @JsonProperty("shadow_latency_ms") Double shadowLatencyMs) {
    }

    /** @return how many records were new */
    public int insert(List<CapturedRequest> records) {
        if (records.isEmpty()) {
            return 0;
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (CapturedRequest r : records) {
            ShadowReading shadow = r.shadow();
            rows.add(new Row(r.traceId(), r.servedAt(), r.text(), r.language(), r.inputType(), r.weather(), r.mode(), r.servedSource(),
                    r.modelVersion(), r.served().toArray(), r.readings(), r.coverage(), r.latencyMs(), shadow == null ? null : shadow.version(),
                    shadow == null ? null : shadow.vector().toArray(), shadow == null ? null : shadow.latencyMs()));
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into live_request (trace_id, served_at, text, language, input_type, weather, mode, served_source, model_version,
                    served, readings, coverage, latency_ms, shadow_version, shadow, shadow_latency_ms)
                select trace_id, served_at, text, language, input_type, weather, mode, served_source, model_version,
                    served, readings, coverage, latency_ms, shadow_version, shadow, shadow_latency_ms
                from jsonb_to_recordset(?::jsonb) as r(trace_id text, served_at timestamptz, text text, language text, input_type text,
                    weather text, mode text, served_source text, model_version text, served smallint[], readings jsonb,
                    coverage real, latency_ms real, shadow_version integer, shadow smallint[], shadow_latency_ms real)
                on conflict (trace_id) do nothing""")) {
            insert.setString(1, json.writeValueAsString(rows));
            return insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store " + records.size() + " live requests", e);
        }
    }

    public TrafficPage page(int limit, int offset) {
        List<LiveRequest> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from live_request order by id desc limit ? offset ?")) {
            select.setInt(1, limit);
            select.setInt(2, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(read(rows));
                }
            }
            return new TrafficPage(items, count(connection, "select count(*) from live_request"), limit, offset);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read live requests", e);
        }
    }

    /** The live requests with these ids, in the order of the ids; ids no request has are left out. */
    public List<LiveRequest> findAll(List<Long> ids) {
        Map<Long, LiveRequest> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from live_request where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LiveRequest request = read(rows);
                    found.put(request.id(), request);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read live requests", e);
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public Optional<LiveRequest> find(long id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from live_request where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read live request " + id, e);
        }
    }

    /** What drift compares: a live request's text, language and served vector. */
    public record ServedText(String text, String language, MusicVector served) {
    }

    /** Every live request served since {@code since}, as drift reads it, through a cursor. */
    @Transactional
    public long forEachServedSince(Instant since, Consumer<ServedText> sink) {
        long count = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select text, language, served from live_request where served_at >= ?")) {
            select.setFetchSize(10_000);
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new ServedText(rows.getString(1), rows.getString(2), vector((Object[]) rows.getArray(3).getArray())));
                    count++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read live requests", e);
        }
        return count;
    }

    /** The newest live requests a candidate was shadowed on, as the live evidence compares them; at most {@code limit}. */
    public List<ShadowPair> shadowPairs(int version, int limit) {
        List<ShadowPair> pairs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select served, shadow, readings, latency_ms, shadow_latency_ms from live_request where shadow_version = ? order by id desc limit ?")) {
            select.setInt(1, version);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pairs.add(new ShadowPair(vector((Object[]) rows.getArray(1).getArray()), vector((Object[]) rows.getArray(2).getArray()),
                            readings(rows.getString(3), "a request shadowed by v" + version).get(RULES), rows.getFloat(4), rows.getFloat(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the shadowed requests of v" + version, e);
        }
        return pairs;
    }

    public TrafficSummary summary(int retentionDays) {
        try (Connection connection = dataSource.getConnection()) {
            Instant first = null;
            Instant last = null;
            long requests;
            try (PreparedStatement select = connection.prepareStatement("select count(*), min(served_at), max(served_at) from live_request");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                requests = rows.getLong(1);
                if (rows.getTimestamp(2) != null) {
                    first = rows.getTimestamp(2).toInstant();
                    last = rows.getTimestamp(3).toInstant();
                }
            }
            return new TrafficSummary(requests, first, last, countsBy(connection, "language"), countsBy(connection, "coalesce(input_type, 'unknown')"),
                    countsBy(connection, "served_source"), countsBy(connection, "mode"),
                    count(connection, "select count(distinct live_request_id) from annotation_label"),
                    count(connection, "select count(*) from annotation_label"), retentionDays);
        } catch (SQLException e) {
            throw new IllegalStateException("could not summarise live traffic", e);
        }
    }

    /** Deletes one live request and everything made from it, in one transaction. Empty when no request has the trace id. */
    @Transactional
    public Optional<Erasure> delete(String traceId) {
        try (Connection connection = dataSource.getConnection()) {
            Long id = null;
            try (PreparedStatement select = connection.prepareStatement("select id from live_request where trace_id = ? for update")) {
                select.setString(1, traceId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        id = rows.getLong(1);
                    }
                }
            }
            if (id == null) {
                return Optional.empty();
            }
            int labels = (int) count(connection, "select count(*) from annotation_label where live_request_id = " + id);
            Array pairIds = connection.createArrayOf("bigint", pairIdsOf(connection, id).toArray());
            int datasetRows = update(connection, "delete from dataset_row where pair_id = any(?)", pairIds);
            int pairs = update(connection, "delete from teacher_pair where id = any(?)", pairIds);
            int requests;
            try (PreparedStatement delete = connection.prepareStatement("delete from live_request where id = ?")) {
                delete.setLong(1, id);
                requests = delete.executeUpdate();
            }
            return Optional.of(new Erasure(traceId, requests, labels, pairs, datasetRows));
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the live request of trace " + traceId, e);
        }
    }

    /** Deletes live requests served before {@code cutoff} (their labels and skips with them); answers how many. */
    public int deleteServedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from live_request where served_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete old live requests", e);
        }
    }

    private static List<Long> pairIdsOf(Connection connection, long liveRequestId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select pair_id from annotation_label where live_request_id = ? and pair_id is not null")) {
            select.setLong(1, liveRequestId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static int update(Connection connection, String sql, Array ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, ids);
            return statement.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> countsBy(Connection connection, String expression) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + expression + " as k, count(*) from live_request group by k order by count(*) desc, k");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static ShadowReading shadow(ResultSet rows) throws SQLException {
        int version = rows.getInt("shadow_version");
        if (rows.wasNull()) {
            return null;
        }
        return new ShadowReading(version, vector((Object[]) rows.getArray("shadow").getArray()),
                Math.round(rows.getFloat("shadow_latency_ms") * 1000) / 1000.0);
    }

    private Map<String, MusicVector> readings(String stored, String whose) {
        try {
            return json.readValue(stored, READINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(whose + " has unreadable readings", e);
        }
    }

    /** A stored {@code smallint[]} of six dimensions as a vector. */
    private static MusicVector vector(Object[] stored) {
        int[] values = new int[stored.length];
        for (int d = 0; d < stored.length; d++) {
            values[d] = ((Number) stored[d]).intValue();
        }
        return MusicVector.of(values);
    }

    private LiveRequest read(ResultSet rows) throws SQLException {
        Map<String, MusicVector> readings = readings(rows.getString("readings"), "live request " + rows.getLong("id"));
        float storedCoverage = rows.getFloat("coverage");
        Double coverage = rows.wasNull() ? null : Math.round(storedCoverage * 1000) / 1000.0;
        return new LiveRequest(rows.getLong("id"), rows.getString("trace_id"), rows.getTimestamp("served_at").toInstant(), rows.getString("text"),
                rows.getString("language"), rows.getString("input_type"), rows.getString("weather"), rows.getString("mode"),
                rows.getString("served_source"), rows.getString("model_version"),
                vector((Object[]) rows.getArray("served").getArray()), readings, coverage, Math.round(rows.getFloat("latency_ms") * 1000) / 1000.0,
                shadow(rows));
    }
}
