package kotone.dataset.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kotone.core.traffic.ShadowComparison;
import kotone.core.traffic.ShadowPair;
import kotone.core.vector.MusicVector;
import kotone.dataset.traffic.TrafficConfig;
import kotone.dataset.traffic.TrafficStore;

/** Reads the newest shadowed live requests of a candidate and compares its readings with what was served. */
@ApplicationScoped
public class LiveEvidence {

    private static final TypeReference<Map<String, MusicVector>> READINGS = new TypeReference<>() { };
    static final String RULES = "rule_baseline";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TrafficConfig.Shadow config;

    public LiveEvidence(DataSource dataSource, ObjectMapper json, TrafficConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config.shadow();
    }

    public LiveEvidenceView of(int candidateVersion) {
        List<ShadowPair> pairs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select served, shadow, readings, latency_ms, shadow_latency_ms from live_request
                where shadow_version = ? order by id desc limit ?""")) {
            select.setInt(1, candidateVersion);
            select.setInt(2, config.evidenceRequests());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, MusicVector> readings = json.readValue(rows.getString(3), READINGS);
                    pairs.add(new ShadowPair(TrafficStore.vector((Object[]) rows.getArray(1).getArray()),
                            TrafficStore.vector((Object[]) rows.getArray(2).getArray()), readings.get(RULES),
                            rows.getFloat(4), rows.getFloat(5)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the shadowed requests of v" + candidateVersion, e);
        }
        return new LiveEvidenceView(candidateVersion, config.clearDistance(), config.expectedDistance(),
                new ShadowComparison(config.clearDistance(), config.expectedDistance()).compare(pairs, candidateVersion));
    }
}
