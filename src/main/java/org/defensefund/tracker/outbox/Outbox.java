package org.defensefund.tracker.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * Where a feature puts a message to be sent: {@link #enqueue} writes it in the caller's transaction, so the message
 * exists if and only if the change that causes it commits; {@link OutboxDelivery} sends it afterwards. The recipient and
 * the body are personal data: a message about a case is stored sealed under the key of the case's client ({@link
 * ClientTexts}), so destroying that key makes it unreadable; any other under the fund's key ({@link PiiCipher}). The
 * subject is stored in clear for the administrators' page. The table is written by SQL, not as an entity: the outbox is its own record of what was sent,
 * and the audit trail would only repeat it.
 */
@ApplicationScoped
public class Outbox {

    /** The columns a message about a case's client binds its sealed recipient and body to ({@link ClientTexts}). */
    static final String RECIPIENT = "OutboxMessage.recipient";
    static final String BODY = "OutboxMessage.body";

    /** The longest mark a withdrawn message's dedupe key gets: {@code ~withdrawn:} and an id of up to 19 digits. */
    private static final int WITHDRAWN_MARK_MAX = 30;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundClock clock;

    /**
     * Writes the message in the caller's transaction (there must be one); false, and nothing written, when a message
     * with the same dedupe key exists already (sent or not), so asking twice sends once. Due at {@code notBefore}, or at
     * once when that is null or past.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(OutgoingMessage message) {
        PiiCipher cipher = PiiCipher.current();
        Long clientId = message.caseId() == null ? null : ClientTexts.clientOfCase(message.caseId());
        String recipient = sealed(RECIPIENT, clientId, message.recipient(), cipher);
        String body = sealed(BODY, clientId, message.body(), cipher);
        Instant now = clock.now();
        Instant due = message.notBefore() == null || message.notBefore().isBefore(now) ? now : message.notBefore();
        // IGNORE: a duplicate dedupe key writes nothing and answers 0 rows, without an error that would spoil the
        // caller's transaction; a concurrent writer of the same key waits for the first to commit, then writes nothing.
        int written = em.createNativeQuery("INSERT IGNORE INTO outbox_message (dedupe_key, channel, kind, case_id, recipient, language,"
                        + " subject, body, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?9, ?10)")
                .setParameter(1, message.dedupeKey())
                .setParameter(2, message.channel().name())
                .setParameter(3, message.kind())
                .setParameter(4, message.caseId())
                .setParameter(5, recipient)
                .setParameter(6, message.language().toLanguageTag())
                .setParameter(7, message.subject())
                .setParameter(8, body)
                .setParameter(9, Timestamp.from(due))
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        return written == 1;
    }

    /**
     * A recipient or body as stored: under the key of the case's client; under the fund's key for a message about no case,
     * or about a client whose data is erased (a staff reminder of such a case can say nothing of them: their names no
     * longer open).
     */
    private static String sealed(String column, Long clientId, String clear, PiiCipher cipher) {
        if (clientId != null && clear != null) {
            String sealed = ClientTexts.sealColumn(column, clientId, clear);
            if (!sealed.isEmpty() || clear.isEmpty()) {
                return sealed;
            }
        }
        return cipher.encrypt(clear);
    }

    /** Whether a message with this dedupe key was ever written (sent, pending or failed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean holds(String dedupeKey) {
        return !em.createNativeQuery("SELECT 1 FROM outbox_message WHERE dedupe_key = ?1").setParameter(1, dedupeKey)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Withdraws the case's messages still pending whose dedupe key ends with {@code dedupeKeySuffix} (a planner's key of
     * something that no longer holds, such as a hearing's old time); how many. In the caller's transaction: they are
     * withdrawn if and only if the change that causes it commits.
     *
     * <p>A withdrawn message is kept, marked {@link OutboxStatus#WITHDRAWN}, rather than deleted: the administrators'
     * page shows what was planned and why it never went, as it shows what was sent, and nothing in the outbox is
     * erased by a feature. Its dedupe key is set free (suffixed with {@code ~withdrawn:} and the message's id), so the
     * same key may be planned again: a hearing moved away and back to its old time gets its reminders again. A message
     * being delivered at this very moment is locked by the delivery ({@link DeliveryAttempt}); this waits for it and then
     * finds it sent, so a message is either sent or withdrawn, never both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawPending(Long caseId, String dedupeKeySuffix) {
        if (caseId == null || dedupeKeySuffix == null || dedupeKeySuffix.isBlank()) {
            throw new IllegalArgumentException("withdrawing needs a case and a dedupe key's end");
        }
        String pattern = "%" + dedupeKeySuffix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return em.createNativeQuery("UPDATE outbox_message SET status = 'WITHDRAWN',"
                        + " dedupe_key = CONCAT(LEFT(dedupe_key, " + (OutgoingMessage.KEY_MAX - WITHDRAWN_MARK_MAX) + "), '~withdrawn:', id)"
                        + " WHERE case_id = ?1 AND status = 'PENDING' AND dedupe_key LIKE ?2 ESCAPE '!'")
                .setParameter(1, caseId).setParameter(2, pattern).executeUpdate();
    }
}
