package kotone.dataset.pairs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.core.catalog.Slot;
import kotone.core.dataset.TeacherPair;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Teacher pairs and the batches that brought them. Pairs are read as entities; they are written in JDBC batches with
 * {@code ON CONFLICT (content_hash) DO NOTHING}, which skips a pair already stored in the same statement (an entity
 * insert would need a lookup per pair; the import rate is in docs/BENCHMARKS.md).
 */
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
    private final EntityManager entities;
    private final ObjectMapper json;

    private final Duration writeTimeout;

    public PairRepository(DataSource dataSource, EntityManager entities, ObjectMapper json,
            @ConfigProperty(name = "kotone.pairs.write-timeout", defaultValue = "PT30M") Duration writeTimeout) {
        this.dataSource = dataSource;
        this.entities = entities;
        this.json = json;
        this.writeTimeout = writeTimeout;
    }

    /** Work on pairs in one transaction, on its connection. */
    public interface Work<T> {
        T apply(Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs the work in a new transaction that commits when it returns and rolls back on any failure. Its timeout fits an
     * import of a million lines ({@code kotone.pairs.write-timeout}), longer than the default for a request.
     */
    public <T> T inTransaction(Work<T> work) throws SQLException, IOException {
        try {
            return QuarkusTransaction.requiringNew().timeout((int) writeTimeout.toSeconds()).call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return work.apply(connection);
                }
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Inserts pairs on an open connection; returns how many were new (the rest were already stored). */
    public int insert(Connection connection, List<TeacherPair> pairs, UUID batchId, Lineage lineage) throws SQLException {
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

    /** The stored id of a pair with this content (whoever stored it first). */
    public Optional<Long> idOf(Connection connection, TeacherPair pair) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id from teacher_pair where content_hash = ?")) {
            select.setString(1, PairHasher.hash(pair));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
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

    @Transactional
    public Map<String, Long> countsBySource() {
        Map<String, Long> counts = new LinkedHashMap<>();
        entities.createQuery("select source, count(*) from TeacherPairEntry group by source order by source", Object[].class).getResultStream()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** Stored pairs with their provenance and lineage, newest first, optionally of one source. */
    @Transactional
    public List<StoredPair> list(String source, int limit, int offset) {
        var query = source == null ? entities.createQuery("from TeacherPairEntry order by id desc", TeacherPairEntry.class)
                : entities.createQuery("from TeacherPairEntry where source = ?1 order by id desc", TeacherPairEntry.class).setParameter(1, source);
        return query.setFirstResult(offset).setMaxResults(limit).getResultStream().map(TeacherPairEntry::view).toList();
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
