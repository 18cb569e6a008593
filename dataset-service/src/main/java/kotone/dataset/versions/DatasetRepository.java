package kotone.dataset.versions;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kotone.common.jdbc.ContentLock;
import kotone.core.dataset.CandidateRow;
import kotone.core.dataset.ConsistencyAudit;
import kotone.core.dataset.SourceType;
import kotone.core.model.train.RowSource;
import kotone.core.model.train.Split;
import kotone.core.model.train.TrainingRow;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;

/** Reads the pairs a dataset is built from, and stores and reads dataset versions and their rows. */
@ApplicationScoped
public class DatasetRepository {

    private static final String VECTOR = "energy, warmth, brightness, acousticness, complexity, nostalgia";

    private final DataSource dataSource;
    private final EntityManager entities;

    public DatasetRepository(DataSource dataSource, EntityManager entities) {
        this.dataSource = dataSource;
        this.entities = entities;
    }

    /**
     * A pair's two texts as candidate rows, with its content hash; in pair-id order.
     *
     * @param replayedFromSet for a hard case a cycle replayed, the eval set it came from; else null
     */
    public record PairTexts(long pairId, String contentHash, List<CandidateRow> rows, String replayedFromSet) {
    }

    public List<PairTexts> pairs(List<String> sources) {
        String sql = "select id, content_hash, request_text, rule_prompt, " + VECTOR
                + ", case when source = 'replay' then lineage ->> 'evalSetId' end from teacher_pair"
                + (sources == null || sources.isEmpty() ? "" : " where source = any(?)") + " order by id";
        List<PairTexts> pairs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (sources != null && !sources.isEmpty()) {
                select.setArray(1, connection.createArrayOf("text", sources.toArray()));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    MusicVector label = vector(rows, 5);
                    List<CandidateRow> texts = new ArrayList<>(2);
                    if (rows.getString(3) != null) {
                        texts.add(new CandidateRow(id, SourceType.REQUEST_TEXT, rows.getString(3), label));
                    }
                    if (rows.getString(4) != null) {
                        texts.add(new CandidateRow(id, SourceType.RULE_PROMPT, rows.getString(4), label));
                    }
                    pairs.add(new PairTexts(id, rows.getString(2), texts, rows.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read teacher pairs", e);
        }
        return pairs;
    }

    public boolean exists(String id) {
        return summary(id).isPresent();
    }

    /**
     * Stores a new version and its rows in one transaction: the version as an entity, its rows in batches of a thousand
     * on the same transaction's connection (they are the bulk of it). Returns false when a concurrent call stored it first.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800) // two million rows take minutes
    public boolean insert(DatasetVersion version, List<TrainingRow> rows, List<Long> pairIds) {
        // builds of the same content meet on this lock: the second finds the version stored and stops
        ContentLock.acquire(entities, version.id());
        if (entities.find(DatasetVersionEntry.class, version.id()) != null) {
            return false;
        }
        entities.persist(DatasetVersionEntry.of(version));
        entities.flush();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("insert into dataset_row "
                + "(dataset_id, row_no, pair_id, split, source_type, language, text, " + VECTOR + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                TrainingRow row = rows.get(i);
                insert.setString(1, version.id());
                insert.setInt(2, i);
                insert.setLong(3, pairIds.get(i));
                insert.setString(4, row.split().key());
                insert.setString(5, row.sourceType());
                insert.setString(6, row.language());
                insert.setString(7, row.text());
                int[] label = row.label().toArray();
                for (int d = 0; d < label.length; d++) {
                    insert.setShort(8 + d, (short) label[d]);
                }
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the rows of dataset version " + version.id(), e);
        }
        return true;
    }

    @Transactional
    public Optional<DatasetVersion> summary(String id) {
        return Optional.ofNullable(entities.find(DatasetVersionEntry.class, id)).map(DatasetVersionEntry::view);
    }

    /** The consistency audit of a version, per source type (empty for versions built before the audit existed). */
    public Map<String, ConsistencyAudit.SourceConsistency> consistency(String id) {
        return summary(id).map(version -> version.filterReport().consistency()).filter(java.util.Objects::nonNull).orElse(Map.of());
    }

    @Transactional
    public List<DatasetVersion> list(int limit, int offset) {
        return entities.createQuery("from DatasetVersionEntry order by createdAt desc, id", DatasetVersionEntry.class).setFirstResult(offset)
                .setMaxResults(limit).getResultStream().map(DatasetVersionEntry::view).toList();
    }

    /**
     * Streams a version's rows (optionally one split) in row order, with a cursor, so any size fits. The cursor needs
     * autocommit off; it is a read-only connection of its own rather than a JTA transaction because its consumer may
     * train for minutes, past any transaction timeout that suits a request.
     */
    public void rows(String id, Split split, int limit, int offset, Consumer<DatasetRow> sink) {
        String sql = "select row_no, pair_id, split, source_type, language, text, " + VECTOR + " from dataset_row where dataset_id = ?"
                + (split == null ? "" : " and split = ?") + " order by row_no limit ? offset ?";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(1000);
                int i = 1;
                select.setString(i++, id);
                if (split != null) {
                    select.setString(i++, split.key());
                }
                select.setInt(i++, limit);
                select.setInt(i, offset);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Integer> vector = new LinkedHashMap<>();
                        for (Dimension dimension : Dimension.ALL) {
                            vector.put(dimension.key(), (int) rows.getShort(7 + dimension.ordinal()));
                        }
                        sink.accept(new DatasetRow(rows.getInt(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), vector));
                    }
                }
            } finally {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read rows of dataset " + id, e);
        }
    }

    /**
     * A version's rows as the trainer reads them: split by split, from a cursor each time, so the job's memory is bounded
     * by the features and not by the rows. The group key is the pair.
     */
    public RowSource trainingRows(String id) {
        return new RowSource() {
            @Override
            public int count(Split split) {
                try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                        "select count(*) from dataset_row where dataset_id = ? and split = ?")) {
                    count.setString(1, id);
                    count.setString(2, split.key());
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("could not count the rows of dataset " + id, e);
                }
            }

            @Override
            public void forEach(Split split, Consumer<TrainingRow> sink) {
                rows(id, split, Integer.MAX_VALUE, 0, row -> sink.accept(new TrainingRow(row.text(),
                        MusicVector.of(row.vector().values().stream().mapToInt(Integer::intValue).toArray()),
                        "pair-" + row.pairId(), row.sourceType(), row.language(), split)));
            }
        };
    }

    private static MusicVector vector(ResultSet rows, int first) throws SQLException {
        int[] values = new int[Dimension.COUNT];
        for (int d = 0; d < values.length; d++) {
            values[d] = rows.getShort(first + d);
        }
        return MusicVector.of(values);
    }

}
