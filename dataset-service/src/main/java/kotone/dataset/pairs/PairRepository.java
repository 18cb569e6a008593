package kotone.dataset.pairs;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.core.catalog.Slot;
import kotone.core.dataset.TeacherPair;

/** Stores teacher pairs and the batches that brought them. */
@ApplicationScoped
public class PairRepository {

    private static final String INSERT = """
            insert into teacher_pair (content_hash, external_id, request_text, rule_prompt, weather,
                style_part, instrument_part, mood_part, gimmick_part,
                energy, warmth, brightness, acousticness, complexity, nostalgia, tags,
                source, generator, seed, teacher_model, generated_at, batch_id, lineage)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (content_hash) do nothing""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public PairRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Inserts pairs on an open connection; returns how many were new (the rest were already stored). */
    public int insert(Connection connection, List<TeacherPair> pairs, UUID batchId, Map<String, Object> lineage) throws SQLException {
        if (pairs.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (TeacherPair pair : pairs) {
                int i = 1;
                insert.setString(i++, PairHasher.hash(pair));
                insert.setString(i++, pair.externalId());
                insert.setString(i++, pair.requestText());
                insert.setString(i++, pair.rulePrompt());
                insert.setString(i++, pair.weather());
                for (Slot slot : Slot.ALL) {
                    insert.setString(i++, pair.selectedParts().get(slot));
                }
                for (int value : pair.label().toArray()) {
                    insert.setShort(i++, (short) value);
                }
                insert.setArray(i++, connection.createArrayOf("text", pair.tags().toArray()));
                insert.setString(i++, pair.provenance().source());
                insert.setString(i++, pair.provenance().generator());
                if (pair.provenance().seed() == null) {
                    insert.setNull(i++, Types.BIGINT);
                } else {
                    insert.setLong(i++, pair.provenance().seed());
                }
                insert.setString(i++, pair.provenance().model());
                insert.setTimestamp(i++, Timestamp.from(pair.provenance().createdAt()));
                insert.setObject(i++, batchId);
                insert.setString(i++, lineage == null ? null : toJson(lineage));
                insert.addBatch();
            }
            int added = 0;
            for (int count : insert.executeBatch()) {
                added += Math.max(count, 0);
            }
            return added;
        }
    }

    public void saveBatch(Connection connection, UUID id, String kind, BatchCounts counts, Object report) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into pair_batch (id, kind, lines, added, duplicates, rejected, report) values (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, id);
            insert.setString(2, kind);
            insert.setInt(3, counts.lines());
            insert.setInt(4, counts.added());
            insert.setInt(5, counts.duplicates());
            insert.setInt(6, counts.rejected());
            insert.setString(7, toJson(report));
            insert.executeUpdate();
        }
    }

    public Map<String, Long> countsBySource() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select source, count(*) from teacher_pair group by source order by source");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count teacher pairs", e);
        }
        return counts;
    }

    /** Stored pairs with their provenance and lineage, newest first, optionally of one source. */
    public List<Map<String, Object>> list(String source, int limit, int offset) {
        String sql = "select id, external_id, request_text, rule_prompt, source, generator, seed, teacher_model, generated_at, lineage::text, "
                + "energy, warmth, brightness, acousticness, complexity, nostalgia from teacher_pair"
                + (source == null ? "" : " where source = ?") + " order by id desc limit ? offset ?";
        List<Map<String, Object>> pairs = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            if (source != null) {
                select.setString(i++, source);
            }
            select.setInt(i++, limit);
            select.setInt(i, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("id", rows.getLong(1));
                    pair.put("externalId", rows.getString(2));
                    pair.put("requestText", rows.getString(3));
                    pair.put("rulePrompt", rows.getString(4));
                    pair.put("source", rows.getString(5));
                    pair.put("generator", rows.getString(6));
                    pair.put("seed", rows.getObject(7));
                    pair.put("teacherModel", rows.getString(8));
                    pair.put("generatedAt", rows.getTimestamp(9).toInstant().toString());
                    pair.put("lineage", rows.getString(10) == null ? null : json.readTree(rows.getString(10)));
                    Map<String, Integer> vector = new LinkedHashMap<>();
                    for (kotone.core.vector.Dimension dimension : kotone.core.vector.Dimension.ALL) {
                        vector.put(dimension.key(), (int) rows.getShort(11 + dimension.ordinal()));
                    }
                    pair.put("vector", vector);
                    pairs.add(pair);
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not read teacher pairs", e);
        }
        return pairs;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record BatchCounts(int lines, int added, int duplicates, int rejected) {
    }
}
