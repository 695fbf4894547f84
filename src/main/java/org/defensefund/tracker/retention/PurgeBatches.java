package org.defensefund.tracker.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;

/**
 * The batches of a running {@link Purge}: each one transaction that locks the purge's row, takes the next clients after
 * its cursor that the selection matches, erases them through {@link ClientErasure} and moves the cursor and the count. A
 * restart loses at most the batch in flight, which the next run does again; two servers never run the same batch (the
 * row lock). For the system only (the schedule and the start).
 */
@ApplicationScoped
@Transactional
public class PurgeBatches {

    /** Clients erased per batch (per transaction). */
    static final int BATCH = 100;

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
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT c.id " + matching(purge.getSelection(), purge.isKeepHeld()) + " ORDER BY c.id LIMIT " + BATCH)
                .setParameter(1, purge.getLastClientId()).getResultList();
        if (ids.isEmpty()) {
            purge.finish(clock.now());
            return false;
        }
        int erased = 0;
        for (Number id : ids) {
            if (erasure.eraseInPurge(id.longValue(), purgeId)) {
                erased++;
            }
        }
        purge.advance(ids.get(ids.size() - 1).longValue(), erased);
        return true;
    }

    private void requireSystem() {
        if (!currentUser.isSystem()) {
            throw new AccessDeniedException("only the purge's background job runs its batches");
        }
    }
}
