package org.defensefund.tracker.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * The emergency purge, for administrators only: one proposes ({@link #propose}) erasing the personal data of every client
 * or of those whose cases all ended, keeping legal holds or not; a second, different administrator confirms
 * ({@link #confirm}) within {@link Purge#CONFIRM_WITHIN} with a fresh code of their authenticator app; the
 * {@link PurgeSchedule} then erases the matching clients in batches ({@link PurgeBatches}) and the page shows the
 * progress. Each erasure is an audit entry ({@code PURGE <id>}) and a ledger line; the purge itself is in the trail by
 * its own row's changes (who proposed, who confirmed, the counts), never a personal value.
 */
@ApplicationScoped
@Transactional
public class PurgeService {

    private static final Logger LOG = Logger.getLogger(PurgeService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CallerContext caller;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private FundClock clock;

    /** Proposes a purge; it waits for a second administrator's confirmation. */
    public Purge propose(PurgeSelection selection, boolean keepHeld) {
        currentUser.requireAdmin("propose an emergency purge");
        Purge purge = new Purge(selection, keepHeld, actor(), clock.now());
        em.persist(purge);
        em.flush();
        LOG.warning(() -> "Emergency purge " + purge.getId() + " proposed by " + purge.getProposedBy() + ": " + selection
                + (keepHeld ? ", legal holds kept" : ", legal holds included"));
        return purge;
    }

    /**
     * Confirms a proposal: refused (beside the code) for the administrator who proposed it, after the time limit, or with a
     * code that isn't the confirmer's current one; the second of two confirming at once is told. Counts what it will
     * erase; the background job starts within seconds.
     */
    public Purge confirm(long purgeId, long version, String code) {
        currentUser.requireAdmin("confirm an emergency purge");
        Purge purge = locked(purgeId, version);
        Instant now = clock.now();
        purge.requireConfirmableBy(actor(), now);
        twoFactor.confirmOwnCode(code);
        Number matching = (Number) em.createNativeQuery("SELECT COUNT(*) " + PurgeBatches.matching(purge.getSelection(), purge.isKeepHeld()))
                .setParameter(1, 0L).getSingleResult();
        purge.confirm(actor(), now, matching.longValue());
        em.flush();
        LOG.warning(() -> "Emergency purge " + purgeId + " confirmed by " + purge.getDecidedBy() + ": " + purge.getTotal() + " client(s)");
        return purge;
    }

    /** Cancels a proposal that was not confirmed (any administrator). */
    public Purge cancel(long purgeId, long version) {
        currentUser.requireAdmin("cancel an emergency purge");
        Purge purge = locked(purgeId, version);
        purge.cancel(actor(), clock.now());
        em.flush();
        return purge;
    }

    /** The latest purges, newest first, with their progress. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Purge> latest() {
        currentUser.requireAdmin("read emergency purges");
        return em.createQuery("select p from Purge p order by p.id desc", Purge.class).setMaxResults(20).getResultList();
    }

    private Purge locked(long purgeId, long version) {
        Purge purge = em.find(Purge.class, purgeId, LockModeType.PESSIMISTIC_WRITE);
        if (purge == null) {
            throw new RecordNotFoundException("Purge", purgeId);
        }
        if (purge.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return purge;
    }

    private String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
