package kotone.dataset.annotations;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import kotone.core.annotation.AnnotationRanking;
import kotone.core.annotation.QueueCandidate;
import kotone.core.annotation.QueueWeights;
import kotone.core.annotation.QueuedItem;
import kotone.core.traffic.Vocabulary;
import kotone.dataset.traffic.LiveRequest;
import kotone.dataset.traffic.TrafficStore;
import kotone.dataset.traffic.TrainingData;

/**
 * The live requests an annotator should label next: of the newest open ones (not labelled or skipped by this annotator,
 * flagged by no one, with fewer labels than an item takes), those {@link AnnotationRanking} puts first.
 */
@ApplicationScoped
public class AnnotationQueue {

    private final DataSource dataSource;
    private final TrafficStore traffic;
    private final TrainingData training;
    private final AnnotationConfig config;
    private final AnnotationRanking ranking;

    public AnnotationQueue(DataSource dataSource, TrafficStore traffic, TrainingData training, AnnotationConfig config) {
        this.dataSource = dataSource;
        this.traffic = traffic;
        this.training = training;
        this.config = config;
        this.ranking = new AnnotationRanking(new QueueWeights(config.disagreementPoints(), config.noveltyWeight(), config.nearDuplicate()));
    }

    public AnnotationQueueView next(String annotator, int limit) {
        Vocabulary vocabulary = training.vocabulary();
        List<Long> openIds = new ArrayList<>();
        Map<Long, Integer> labelCounts = new HashMap<>();
        List<String> labelledTexts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.id, (select count(*) from annotation_label l where l.live_request_id = r.id) as labels
                    from live_request r
                    where not exists (select 1 from annotation_label l where l.live_request_id = r.id and l.annotator = ?)
                      and not exists (select 1 from annotation_skip s where s.live_request_id = r.id and (s.annotator = ? or s.flagged))
                      and (select count(*) from annotation_label l where l.live_request_id = r.id) < ?
                    order by r.id desc limit ?""")) {
                select.setString(1, annotator);
                select.setString(2, annotator);
                select.setInt(3, config.labelsPerItem());
                select.setInt(4, config.pool());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        openIds.add(rows.getLong(1));
                        labelCounts.put(rows.getLong(1), rows.getInt(2));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.text from live_request r where exists (select 1 from annotation_label l where l.live_request_id = r.id)
                    order by r.id desc limit ?""")) {
                select.setInt(1, config.pool());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        labelledTexts.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the open live requests", e);
        }
        List<LiveRequest> open = traffic.findAll(openIds);
        Map<Long, LiveRequest> byId = new HashMap<>();
        Set<String> openTexts = new HashSet<>();
        List<QueueCandidate> candidates = new ArrayList<>(open.size());
        for (LiveRequest request : open) {
            byId.put(request.id(), request);
            openTexts.add(request.text());
            String group = request.language() + "/" + (request.inputType() == null ? "unknown" : request.inputType());
            candidates.add(new QueueCandidate(request.id(), request.text(), group, request.readings(),
                    vocabulary.size() == 0 ? 1 : vocabulary.unseenShare(request.text())));
        }
        // an item still open for a second label is not a near duplicate of itself
        List<String> others = labelledTexts.stream().filter(text -> !openTexts.contains(text)).toList();
        List<QueueItem> items = new ArrayList<>();
        for (QueuedItem ranked : ranking.rank(candidates, others, limit)) {
            LiveRequest request = byId.get(ranked.candidate().id());
            items.add(new QueueItem(request.id(), request.traceId(), request.servedAt(), request.text(), request.language(), request.inputType(),
                    request.weather(), request.served(), request.readings(), ranked.disagreement(), ranked.novelty(), ranked.priority(),
                    labelCounts.getOrDefault(request.id(), 0)));
        }
        return new AnnotationQueueView(items, limit, open.size());
    }
}
