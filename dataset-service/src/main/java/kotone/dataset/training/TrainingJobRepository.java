package kotone.dataset.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import kotone.common.jdbc.JsonColumns;
import kotone.common.jdbc.Sql;

@ApplicationScoped
public class TrainingJobRepository {

    private final DataSource dataSource;
    private final JsonColumns columns;

    public TrainingJobRepository(DataSource dataSource, JsonColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
    }

    public void insert(UUID id, String datasetId, Map<String, Object> settings) {
        Sql.update(dataSource, "insert into training_job (id, dataset_id, status, settings) values (?, ?, 'queued', ?::jsonb)", id, datasetId, columns.write(settings));
    }

    public void started(UUID id) {
        Sql.update(dataSource, "update training_job set status = 'running', started_at = now() where id = ?", id);
    }

    public void progress(UUID id, String phase, int done, int total) {
        Sql.update(dataSource, "update training_job set phase = ?, done = ?, total = ? where id = ?", phase, done, total, id);
    }

    public void completed(UUID id, int modelVersion) {
        Sql.update(dataSource, "update training_job set status = 'completed', phase = 'done', model_version = ?, finished_at = now() where id = ?", modelVersion, id);
    }

    public void failed(UUID id, String error) {
        Sql.update(dataSource, "update training_job set status = 'failed', error = ?, finished_at = now() where id = ?", error, id);
    }

    /** Jobs a stopped process left behind cannot resume: they are failed with the reason, never left hanging. */
    public int failUnfinished(String reason) {
        return Sql.update(dataSource, "update training_job set status = 'failed', error = ?, finished_at = now() where status in ('queued', 'running')", reason);
    }

    public Optional<TrainingJob> find(UUID id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id, dataset_id, status, phase, done, total, settings, model_version, error, created_at, started_at, finished_at "
                        + "from training_job where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Integer model = (Integer) rows.getObject(8);
                return Optional.of(new TrainingJob(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        new TrainingJob.Progress(rows.getString(4), rows.getInt(5), rows.getInt(6)), columns.readMap(rows.getString(7)), model,
                        rows.getString(9), instant(rows.getTimestamp(10)), instant(rows.getTimestamp(11)), instant(rows.getTimestamp(12))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read training job " + id, e);
        }
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
