package org.defensefund.tracker.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * Where a feature puts a message to be sent: {@link #enqueue} writes it in the caller's transaction, so the message
 * exists if and only if the change that causes it commits; {@link OutboxDelivery} sends it afterwards. The recipient and
 * the body are personal data and are stored encrypted ({@link PiiCipher}); the subject is stored in clear for the
 * administrators' page. The table is written by SQL, not as an entity: the outbox is its own record of what was sent,
 * and the audit trail would only repeat it.
 */
@ApplicationScoped
public class Outbox {

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
                .setParameter(5, cipher.encrypt(message.recipient()))
                .setParameter(6, message.language().toLanguageTag())
                .setParameter(7, message.subject())
                .setParameter(8, cipher.encrypt(message.body()))
                .setParameter(9, Timestamp.from(due))
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        return written == 1;
    }

    /** Whether a message with this dedupe key was ever written (sent, pending or failed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean holds(String dedupeKey) {
        return !em.createNativeQuery("SELECT 1 FROM outbox_message WHERE dedupe_key = ?1").setParameter(1, dedupeKey)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
