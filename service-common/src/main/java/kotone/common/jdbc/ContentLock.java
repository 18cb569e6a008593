package kotone.common.jdbc;

import jakarta.persistence.EntityManager;

/**
 * A transaction-scoped PostgreSQL advisory lock on a content id: two stores of the same content (an eval set, a dataset
 * version, both named by a hash of what they hold) meet on it, and the second finds the first's row once it gets it.
 */
public final class ContentLock {

    private ContentLock() {
    }

    /** Waits for the lock on this id; it is released when the current transaction ends. */
    public static void acquire(EntityManager entities, String contentId) {
        entities.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) locked").setParameter(1, contentId)
                .getSingleResult();
    }
}
