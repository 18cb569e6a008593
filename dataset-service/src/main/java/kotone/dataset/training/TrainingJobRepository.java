package kotone.dataset.training;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Training jobs. Each change is a transaction of its own (jobs run on background threads); a claim takes a queued job
 * with {@code FOR UPDATE SKIP LOCKED}, so two instances never take the same one, and every update of a running job
 * applies only while this instance still owns it.
 */
@ApplicationScoped
public class TrainingJobRepository implements PanacheRepositoryBase<TrainingJob, UUID> {

    private static final String OWNED = "id = :id and claimedBy = :instance and status = :running";

    @Transactional
    public TrainingJob queue(TrainingJob job) {
        persist(job);
        return job;
    }

    @Transactional
    public Optional<TrainingJobView> view(UUID id) {
        return findByIdOptional(id).map(TrainingJobView::of);
    }

    /** Takes the oldest queued job for this instance, or nothing. */
    @Transactional
    public Optional<TrainingJob> claim(String instance) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = getEntityManager().createNativeQuery("update training_job set status = 'running', claimed_by = ?1, "
                + "heartbeat_at = now(), started_at = coalesce(started_at, now()), attempts = attempts + 1 where id = (select id from training_job "
                + "where status = 'queued' order by created_at for update skip locked limit 1) returning id", UUID.class)
                .setParameter(1, instance).getResultList();
        return claimed.stream().findFirst().flatMap(this::findByIdOptional);
    }

    /** Records progress (and so a heartbeat); false when this instance no longer owns the job. */
    @Transactional
    public boolean progress(UUID id, String instance, String phase, int done, int total) {
        return update("phase = :phase, done = :done, total = :total, heartbeatAt = :now where " + OWNED, owned(id, instance)
                .and("phase", phase).and("done", done).and("total", total).and("now", Instant.now())) == 1;
    }

    @Transactional
    public boolean completed(UUID id, String instance, int modelVersion) {
        return update("status = :completed, phase = 'done', modelVersion = :version, finishedAt = :now where " + OWNED, owned(id, instance)
                .and("completed", TrainingJob.Status.completed).and("version", modelVersion).and("now", Instant.now())) == 1;
    }

    @Transactional
    public boolean failed(UUID id, String instance, String error) {
        return update("status = :failed, error = :error, finishedAt = :now where " + OWNED, owned(id, instance)
                .and("failed", TrainingJob.Status.failed).and("error", error).and("now", Instant.now())) == 1;
    }

    /** Keeps this instance's running jobs alive. */
    @Transactional
    public int heartbeat(String instance) {
        return update("heartbeatAt = ?1 where claimedBy = ?2 and status = ?3", Instant.now(), instance, TrainingJob.Status.running);
    }

    /**
     * Jobs whose instance stopped reporting: queued again for another instance, or failed once they were taken up
     * {@code maxAttempts} times (a job that kills its instance must not kill them all).
     *
     * @return how many were queued again and how many failed
     */
    @Transactional
    public int[] takeOverAbandoned(Instant heartbeatBefore, int maxAttempts) {
        int failed = update("status = ?1, error = ?2, finishedAt = ?3 where status = ?4 and heartbeatAt < ?5 and attempts >= ?6",
                TrainingJob.Status.failed, "the dataset instances training this job stopped reporting " + maxAttempts + " times; start it again",
                Instant.now(), TrainingJob.Status.running, heartbeatBefore, maxAttempts);
        int requeued = update("status = ?1, claimedBy = null, phase = 'queued again: its instance stopped reporting' where status = ?2 "
                + "and heartbeatAt < ?3", TrainingJob.Status.queued, TrainingJob.Status.running, heartbeatBefore);
        return new int[] {requeued, failed};
    }

    private static io.quarkus.panache.common.Parameters owned(UUID id, String instance) {
        return io.quarkus.panache.common.Parameters.with("id", id).and("instance", instance).and("running", TrainingJob.Status.running);
    }
}
