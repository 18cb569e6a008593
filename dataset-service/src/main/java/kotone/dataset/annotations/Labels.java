package kotone.dataset.annotations;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.common.problem.ProblemException;
import kotone.core.annotation.LabelAgreement;
import kotone.core.dataset.Provenance;
import kotone.core.dataset.TeacherPair;
import kotone.core.vector.Dimension;
import kotone.core.vector.MusicVector;
import kotone.dataset.pairs.Lineage;
import kotone.dataset.pairs.PairRepository;
import kotone.dataset.traffic.LiveRequest;
import kotone.dataset.traffic.TrafficStore;

/**
 * Labels and skips. A label is stored with the teacher pair it becomes (source {@code human}, the annotator's key id as its
 * teacher, the live request's trace id in its lineage), in one transaction: there is never a label without its pair.
 */
@ApplicationScoped
public class Labels {

    static final String SOURCE = "human";
    static final String GENERATOR = "annotation_queue";

    private final DataSource dataSource;
    private final PairRepository pairs;
    private final TrafficStore traffic;

    public Labels(DataSource dataSource, PairRepository pairs, TrafficStore traffic) {
        this.dataSource = dataSource;
        this.pairs = pairs;
        this.traffic = traffic;
    }

    public LabelReceipt label(long itemId, String annotator, LabelRequest request) {
        LiveRequest item = traffic.find(itemId).orElseThrow(() -> ProblemException.notFound("itemId: no live request " + itemId));
        MusicVector vector = request.vector().toVector();
        List<String> tags = request.tags() == null ? List.of() : List.copyOf(request.tags());
        Instant now = Instant.now();
        TeacherPair pair = new TeacherPair("live-" + itemId + "-" + annotator, item.text(), null, item.weather(), Map.of(), vector, tags,
                new Provenance(SOURCE, GENERATOR, null, annotator, now));
        try {
            return pairs.inTransaction(connection -> {
                long labelId = insertLabel(connection, itemId, annotator, vector, tags);
                UUID batchId = UUID.randomUUID();
                int added = pairs.insert(connection, List.of(pair), batchId, new Lineage(null, null, null, null, null, item.traceId(), null));
                pairs.saveBatch(connection, batchId, "human_label", new PairRepository.BatchCounts(1, added, 1 - added, 0),
                        new LabelBatchReport(itemId, item.traceId(), annotator));
                long pairId = pairs.idOf(connection, pair).orElseThrow();
                try (PreparedStatement link = connection.prepareStatement("update annotation_label set pair_id = ? where id = ?")) {
                    link.setLong(1, pairId);
                    link.setLong(2, labelId);
                    link.executeUpdate();
                }
                return new LabelReceipt(labelId, itemId, annotator, vector, pairId, differences(vector, item.readings()));
            });
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("itemId: this key (" + annotator + ") has labelled live request " + itemId + " already");
            }
            if ("23503".equals(e.getSQLState())) {
                throw ProblemException.notFound("itemId: no live request " + itemId);
            }
            throw new IllegalStateException("could not store the label of live request " + itemId, e);
        } catch (IOException e) {
            throw new IllegalStateException("could not store the label of live request " + itemId, e);
        }
    }

    /** What the pair batch of a label records. */
    record LabelBatchReport(long itemId, String traceId, String annotator) {
    }

    public SkipReceipt skip(long itemId, String annotator, SkipRequest request) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into annotation_skip (live_request_id, annotator, flagged, reason) values (?, ?, ?, ?)
                on conflict (live_request_id, annotator) do update set flagged = excluded.flagged, reason = excluded.reason""")) {
            insert.setLong(1, itemId);
            insert.setString(2, annotator);
            insert.setBoolean(3, request.flag());
            insert.setString(4, request.reason());
            insert.executeUpdate();
            return new SkipReceipt(itemId, annotator, request.flag());
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                throw ProblemException.notFound("itemId: no live request " + itemId);
            }
            throw new IllegalStateException("could not skip live request " + itemId, e);
        }
    }

    public AgreementReport agreement() {
        Map<Long, List<MusicVector>> byItem = new LinkedHashMap<>();
        long labels = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select live_request_id, energy, warmth, brightness, acousticness, complexity, nostalgia from annotation_label order by live_request_id, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                labels++;
                byItem.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(MusicVector.of(rows.getInt(2), rows.getInt(3), rows.getInt(4),
                        rows.getInt(5), rows.getInt(6), rows.getInt(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the labels", e);
        }
        long several = byItem.values().stream().filter(list -> list.size() >= 2).count();
        return new AgreementReport(labels, byItem.size(), several, LabelAgreement.of(byItem.values()));
    }

    private static long insertLabel(Connection connection, long itemId, String annotator, MusicVector vector, List<String> tags) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into annotation_label (live_request_id, annotator, energy, warmth, brightness, acousticness, complexity, nostalgia, tags)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            insert.setLong(1, itemId);
            insert.setString(2, annotator);
            int i = 3;
            for (int value : vector.toArray()) {
                insert.setShort(i++, (short) value);
            }
            insert.setArray(i, connection.createArrayOf("text", tags.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Per source, the mean absolute difference of the label from the source's reading, in points. */
    static Map<String, Double> differences(MusicVector label, Map<String, MusicVector> readings) {
        Map<String, Double> differences = new LinkedHashMap<>();
        readings.forEach((source, reading) -> {
            double sum = 0;
            for (Dimension dimension : Dimension.ALL) {
                sum += Math.abs(label.get(dimension) - reading.get(dimension));
            }
            differences.put(source, Math.round(sum / Dimension.COUNT * 10) / 10.0);
        });
        return differences;
    }
}
