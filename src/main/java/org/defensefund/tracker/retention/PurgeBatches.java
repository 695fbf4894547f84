package org.defensefund.tracker.retention;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.clients.ClientKeys;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;

/**
 * The batches of a running {@link Purge}, in two phases, each batch one transaction that locks the purge's row (a restart
 * loses at most the batch in flight, which the next run does again; two servers never run the same batch):
 * <ol>
 * <li><b>Keys first</b>: the next {@value #KEYS_CHUNK} matching clients after the keys' cursor are written to the purge
 * ledger (one forced write) and their own keys destroyed ({@link ClientKeys#destroyAll}): what is sealed under them
 * (names, A-number, birth date, phone, address) is unreadable from that commit on. A million clients take minutes
 * (README, "Retention, legal holds and erasure").</li>
 * <li><b>Then the emptying</b>: the next {@value #BATCH} matching clients after the cursor are erased through
 * {@link ClientErasure#eraseAllInPurge} (every copy emptied, in statements whose number doesn't grow with the batch; one audit entry each), their ledger lines written at once first.</li>
 * </ol>
 * For the system only (the schedule and the start).
 */
@ApplicationScoped
@Transactional
public class PurgeBatches {

    /** Clients erased per batch (per transaction). */
    static final int BATCH = 500;

    /** Clients whose keys are destroyed per transaction in the first phase. */
    static final int KEYS_CHUNK = 5_000;

    @Inject
    private ClientKeys clientKeys;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    private final PurgeLedger ledger = PurgeLedger.configured();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ClientErasure erasure;

    @Inject
    private FundClock clock;

    /** The clients a purge's selection matches, after a client id, in id order (SQL with ?1 = the id). */
    static String matching(PurgeSelection selection, boolean keepHeld) {
        return "FROM client c WHERE c.id > ?1 AND c.erased_at IS NULL"
                + (selection == PurgeSelection.ENDED ? " AND NOT EXISTS (SELECT 1 FROM legal_case lc WHERE lc.client_id = c.id"
                        + " AND lc.status NOT IN ('CLOSED', 'INELIGIBLE'))" : "")
                + (keepHeld ? " AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.client_id = c.id AND h.lifted_at IS NULL)" : "");
    }

    /** The ids of the running purges, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> running() {
        requireSystem();
        return em.createQuery("select p.id from Purge p where p.status = :running order by p.id", Long.class)
                .setParameter("running", PurgeStatus.RUNNING).getResultList();
    }

    /**
     * Runs the next batch of a purge; finishes it when nothing is left.
     *
     * @return whether more may remain
     */
    public boolean next(long purgeId) {
        requireSystem();
        Purge purge = em.find(Purge.class, purgeId, LockModeType.PESSIMISTIC_WRITE);
        if (purge == null || purge.getStatus() != PurgeStatus.RUNNING) {
            return false;
        }
        if (purge.getKeysDestroyedAt() == null) {
            destroyNextKeys(purge);
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT c.id " + matching(purge.getSelection(), purge.isKeepHeld()) + " ORDER BY c.id LIMIT " + BATCH)
                .setParameter(1, purge.getLastClientId()).getResultList();
        if (ids.isEmpty()) {
            purge.finish(clock.now());
            return false;
        }
        List<Long> batch = ids.stream().map(Number::longValue).toList();
        writeLedger(batch, purgeId);
        purge.advance(batch.get(batch.size() - 1), erasure.eraseAllInPurge(batch, purgeId));
        return true;
    }

    /** The first phase's next chunk: ledger lines, then the keys destroyed; the phase ends when none is left. */
    private void destroyNextKeys(Purge purge) {
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("SELECT c.id " + matching(purge.getSelection(), purge.isKeepHeld()) + " ORDER BY c.id LIMIT "
                + KEYS_CHUNK).setParameter(1, purge.getKeysCursor()).getResultList();
        if (found.isEmpty()) {
            purge.keysDone(clock.now());
            return;
        }
        List<Long> ids = found.stream().map(Number::longValue).toList();
        writeLedger(ids, purge.getId());
        purge.keysAdvance(ids.get(ids.size() - 1), clientKeys.destroyAll(ids));
    }

    /** The ledger's lines of these clients, forced to disk before their keys or data go (a restore must erase them again). */
    private void writeLedger(List<Long> ids, long purgeId) {
        try (Connection connection = dataSource.getConnection()) {
            ledger.recordAll(PurgeLedger.databaseIdentity(connection), ids, clock.now(), "PURGE " + purgeId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's identity for the purge ledger", e);
        }
    }

    private void requireSystem() {
        if (!currentUser.isSystem()) {
            throw new AccessDeniedException("only the purge's background job runs its batches");
        }
    }
}
