package kotone.dataset.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import kotone.core.traffic.Vocabulary;
import kotone.core.vector.MusicVector;
import kotone.dataset.models.ModelRepository;
import kotone.dataset.models.ModelVersion;

/**
 * The training data live traffic is compared with: the train split of the promoted model's dataset version, else of the
 * newest version. Its vocabulary is kept until another version becomes the reference.
 */
@ApplicationScoped
public class TrainingData {

    private final ModelRepository models;
    private final DataSource dataSource;
    private final AtomicReference<Cached> vocabulary = new AtomicReference<>();

    public TrainingData(ModelRepository models, DataSource dataSource) {
        this.models = models;
        this.dataSource = dataSource;
    }

    private record Cached(String datasetId, Vocabulary vocabulary) {
    }

    public interface RowSink {
        void accept(String text, String language, MusicVector label);
    }

    public Optional<String> datasetId() {
        Optional<String> promoted = models.promoted().map(ModelVersion::datasetId);
        if (promoted.isPresent()) {
            return promoted;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id from dataset_version order by created_at desc, id limit 1"); ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not find the newest dataset version", e);
        }
    }

    /** Every train row of the dataset version, through a cursor. */
    @Transactional
    public void forEachRow(String datasetId, RowSink sink) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select text, language, energy, warmth, brightness, acousticness, complexity, nostalgia from dataset_row "
                        + "where dataset_id = ? and split = 'train'")) {
            select.setFetchSize(10_000);
            select.setString(1, datasetId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows.getString(1), rows.getString(2), MusicVector.of(rows.getInt(3), rows.getInt(4), rows.getInt(5),
                            rows.getInt(6), rows.getInt(7), rows.getInt(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the training rows of " + datasetId, e);
        }
    }

    /** The words of the reference version's train rows; empty when there is no dataset version. */
    public Vocabulary vocabulary() {
        String datasetId = datasetId().orElse(null);
        Cached cached = vocabulary.get();
        if (cached != null && Objects.equals(cached.datasetId(), datasetId)) {
            return cached.vocabulary();
        }
        Vocabulary words = new Vocabulary();
        if (datasetId != null) {
            forEachRow(datasetId, (text, language, label) -> words.addText(text));
        }
        vocabulary.set(new Cached(datasetId, words));
        return words;
    }
}
