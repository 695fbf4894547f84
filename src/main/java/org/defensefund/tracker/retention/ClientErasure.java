package org.defensefund.tracker.retention;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.clients.ClientKeys;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;

/**
 * The one place where a client's personal data is erased (anonymised): the retention job, an emergency purge and the
 * re-application of the purge ledger all come here. In one transaction: the erasure is written to the
 * {@link PurgeLedger} first (so a crash after the commit can't leave an erasure a restore would undo; a rolled-back one
 * is erased again at the next start, which errs on the side of the person), then {@link ErasureStatements} empty the
 * personal data, then the audit trail gets one {@code ERASE} entry with who, when, the client's id and why, and no
 * personal value. A client under a legal hold is refused. Erasing an erased client changes nothing.
 *
 * <p>What is emptied and what is kept for the statistics is listed on {@link ErasureStatements}.
 */
@ApplicationScoped
@Transactional
public class ClientErasure {

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ClientKeys clientKeys;

    @Inject
    private AuditService audit;

    @Inject
    private FundClock clock;

    private final PurgeLedger ledger = PurgeLedger.configured();

    /**
     * Erases one client's personal data, for an administrator or the system (the daily job, the start).
     *
     * @param why a code, never free text: {@code RETENTION}, {@code PURGE <id>}, {@code LEDGER}
     * @return whether the client was erased now (false: erased before, or no such client)
     */
    public boolean erase(long clientId, String why) {
        currentUser.requireAdmin("erase clients' personal data");
        if (isHeld(clientId)) {
            throw new BusinessException("retention.erase.held", null);
        }
        return eraseUnchecked(clientId, why);
    }

    /** Whether a legal hold on the client is in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isHeld(long clientId) {
        return !em.createQuery("select h.id from LegalHold h where h.clientId = :client and h.liftedAt is null", Long.class)
                .setParameter("client", clientId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Erases again a batch of clients the {@link PurgeLedger} names (after a restore), whatever holds say now: the erasure
     * happened, and a restore must not undo it. One audit entry each ({@code LEDGER}); no new ledger line. For the system
     * only (the start).
     *
     * @return how many were erased now
     */
    public int eraseAllAgain(List<Long> clientIds) {
        if (!currentUser.isSystem()) {
            throw new org.defensefund.tracker.shared.AccessDeniedException("only the start re-applies the purge ledger");
        }
        return eraseBatch(clientIds, "LEDGER");
    }

    /**
     * Erases a batch of clients as part of a confirmed emergency purge, whose selection already left out held clients when
     * it keeps them; one audit entry each. Their ledger lines were written by the batch first. For the system only (the
     * purge's batches).
     *
     * @return how many were erased now
     */
    public int eraseAllInPurge(List<Long> clientIds, long purgeId) {
        if (!currentUser.isSystem()) {
            throw new org.defensefund.tracker.shared.AccessDeniedException("only a confirmed purge's batches erase in a purge");
        }
        return eraseBatch(clientIds, "PURGE " + purgeId);
    }

    /**
     * A batch in a number of statements that doesn't grow with it ({@link ErasureStatements#eraseAll}), the keys leaving
     * this server's cache, one audit entry each.
     */
    private int eraseBatch(List<Long> clientIds, String why) {
        em.flush();
        List<Long> erased;
        try (Connection connection = dataSource.getConnection()) {
            erased = ErasureStatements.eraseAll(connection, clientIds, clock.now());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase a batch of " + clientIds.size() + " clients", e);
        }
        clientKeys.destroyAll(erased);
        for (Long clientId : erased) {
            audit.erased("Client", clientId, why);
        }
        return erased.size();
    }

    /** The erasure itself, the caller's rights and the hold checked by the caller; its ledger line written first. */
    boolean eraseUnchecked(long clientId, String why) {
        try (Connection connection = dataSource.getConnection()) {
            ledger.record(PurgeLedger.databaseIdentity(connection), clientId, clock.now(), why);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's identity for the purge ledger", e);
        }
        // The statements open the names with the client's key (to find the texts that name them), empty every copy and
        // destroy the key, in this transaction: whatever is sealed under it is unreadable from the commit on.
        return eraseBatch(List.of(clientId), why) > 0;
    }
}
